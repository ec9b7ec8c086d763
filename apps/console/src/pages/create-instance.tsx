import { useState } from 'preact/hooks';

import { api } from '../api';
import { Card, ErrorBox, Field, useAction, useCanChange } from '../ui';
import { OperationProgress } from './operation-progress';

type Form = Record<string, string | boolean>;

const INITIAL: Form = {
  instanceName: '',
  firstOrgName: '',
  customDomain: '',
  defaultLanguage: 'en',
  human: true,
  userName: 'admin',
  email: '',
  emailVerified: true,
  firstName: '',
  lastName: '',
  preferredLanguage: '',
  password: '',
  passwordChangeRequired: false,
  machine: true,
  machineUserName: 'provisioner-bot',
  machineName: '',
  pat: true,
  patExpiration: '',
  key: true,
  keyExpiration: '',
};

const text = (v: string | boolean) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const isoDate = (v: string | boolean) => (text(v) ? new Date(`${v}T00:00:00Z`).toISOString() : undefined);

/** ZITADEL's CreateInstanceRequest from the form; absent fields are left out, as the API expects. */
export function createRequest(f: Form) {
  return {
    instanceName: text(f.instanceName),
    firstOrgName: text(f.firstOrgName),
    customDomain: text(f.customDomain),
    defaultLanguage: text(f.defaultLanguage),
    human: f.human
      ? {
          userName: text(f.userName),
          email: { email: text(f.email), isEmailVerified: f.emailVerified === true },
          profile: {
            firstName: text(f.firstName),
            lastName: text(f.lastName),
            preferredLanguage: text(f.preferredLanguage),
          },
          ...(text(f.password)
            ? { password: { password: f.password, passwordChangeRequired: f.passwordChangeRequired === true } }
            : {}),
        }
      : undefined,
    machine: f.machine
      ? {
          userName: text(f.machineUserName),
          name: text(f.machineName),
          ...(f.pat ? { personalAccessToken: { expirationDate: isoDate(f.patExpiration) } } : {}),
          ...(f.key ? { machineKey: { type: 'KEY_TYPE_JSON', expirationDate: isoDate(f.keyExpiration) } } : {}),
        }
      : undefined,
  };
}

export function CreateInstancePage() {
  const [form, setForm] = useState<Form>(INITIAL);
  const [operationId, setOperationId] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  if (!useCanChange()) return <p>Your role may only read: creating an instance needs SYSTEM_OWNER.</p>;
  if (operationId)
    return <OperationProgress id={operationId} onAgain={() => (setOperationId(null), setForm(INITIAL))} />;
  const input = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <Field label={label}>
      <input
        name={name}
        value={form[name] as string}
        onInput={(e) => setForm({ ...form, [name]: e.currentTarget.value })}
        {...props}
      />
    </Field>
  );
  const check = (name: string, label: string) => (
    <label class="check">
      <input
        type="checkbox"
        name={name}
        checked={form[name] as boolean}
        onChange={(e) => setForm({ ...form, [name]: e.currentTarget.checked })}
      />{' '}
      {label}
    </label>
  );
  const submit = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      const operation = await api.post<{ id: string }>('/system/v1/instances/_create', createRequest(form), {
        prefer: 'respond-async',
      });
      setOperationId(operation.id);
    });
  };
  return (
    <Card title="Create an instance">
      <form class="grid" onSubmit={submit}>
        <fieldset>
          <legend>Instance</legend>
          {input('instanceName', 'Instance name', { required: true, maxLength: 200 })}
          {input('firstOrgName', 'First organization', { maxLength: 200, placeholder: 'same as the instance name' })}
          {input('customDomain', 'Custom domain', { maxLength: 253, placeholder: 'metrics.example.com' })}
          {input('defaultLanguage', 'Default language', { maxLength: 35 })}
        </fieldset>
        <fieldset>
          <legend>Human administrator</legend>
          {check('human', 'Create a human administrator')}
          {form.human && (
            <>
              {input('userName', 'User name', { required: true, maxLength: 200 })}
              {input('email', 'Email', { type: 'email', required: true, maxLength: 254 })}
              {check('emailVerified', 'Email is verified')}
              {input('firstName', 'First name', { maxLength: 200 })}
              {input('lastName', 'Last name', { maxLength: 200 })}
              {input('preferredLanguage', 'Preferred language', { maxLength: 35 })}
              {input('password', 'Password', { type: 'password', autoComplete: 'new-password' })}
              {check('passwordChangeRequired', 'Must change the password at first sign-in')}
            </>
          )}
        </fieldset>
        <fieldset>
          <legend>Machine user</legend>
          {check('machine', 'Create a machine user')}
          {form.machine && (
            <>
              {input('machineUserName', 'Machine user name', { required: true, maxLength: 200 })}
              {input('machineName', 'Display name', { maxLength: 200 })}
              {check('pat', 'Personal access token (PAT)')}
              {form.pat && input('patExpiration', 'PAT expires on', { type: 'date' })}
              {check('key', 'Machine key (JSON key file)')}
              {form.key && input('keyExpiration', 'Key expires on', { type: 'date' })}
            </>
          )}
        </fieldset>
        <ErrorBox error={error} />
        <p class="buttons">
          <button type="submit" disabled={busy}>
            {busy ? 'Creating…' : 'Create instance'}
          </button>
        </p>
      </form>
    </Card>
  );
}
