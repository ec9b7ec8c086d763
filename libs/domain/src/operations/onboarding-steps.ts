/** The steps of an onboarding (`/api/v2/setup`, `/setup/user`), in order, as provisioning has its own. */
export enum OnboardingStep {
  HashPassword = 'HASH_PASSWORD',
  GenerateToken = 'GENERATE_TOKEN',
  WriteOnboarding = 'WRITE_ONBOARDING',
}

export const ONBOARDING_STEPS: readonly OnboardingStep[] = [
  OnboardingStep.HashPassword,
  OnboardingStep.GenerateToken,
  OnboardingStep.WriteOnboarding,
];
