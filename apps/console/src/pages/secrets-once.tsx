import { useState } from 'preact/hooks';

import { Card } from '../ui';

function download(name: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Secret({ label, value, file }: { label: string; value: string; file: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => navigator.clipboard.writeText(value).then(() => setCopied(true));
  return (
    <div class="secret">
      <label class="field">
        <span>{label}</span>
        <textarea
          readOnly
          rows={label.includes('key') ? 4 : 1}
          value={value}
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      <p class="buttons">
        <button type="button" onClick={copy}>
          Copy {label}
        </button>
        <button type="button" class="quiet" onClick={() => download(file, value)}>
          Download {label}
        </button>
        {copied && <span role="status">Copied.</span>}
      </p>
    </div>
  );
}

/** The machine key file as ZITADEL hands it out: the JSON behind the base64 the API answers with. */
const keyFile = (base64: string) => {
  try {
    return atob(base64);
  } catch {
    return base64;
  }
};

/** The PAT and machine key, which the server gives out only to the caller that created the instance, for a limited time. */
export function SecretsOnce({ result }: { result: { instanceId: string; pat?: string; machineKey?: string } }) {
  return (
    <Card title="Credentials: shown once">
      <p class="warning" role="alert">
        <strong>Shown once.</strong> Copy or download these now: the console does not keep them, and the server erases
        them after SECRET_RETENTION_SECONDS. They cannot be shown again.
      </p>
      {result.pat && <Secret label="PAT" value={result.pat} file={`${result.instanceId}-pat.txt`} />}
      {result.machineKey && (
        <Secret label="machine key file" value={keyFile(result.machineKey)} file={`${result.instanceId}-key.json`} />
      )}
    </Card>
  );
}
