export class RefillMachineKeyPoolCommand {}
