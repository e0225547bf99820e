/** Adds a model configuration from a preset; API keys are named by environment variable, never typed in. */
import { useState, type FormEvent } from 'react';
import type { AddModelInput } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/i18n.js';
import { useApp } from '../lib/app-context.js';

interface Preset {
  provider: string;
  label: MessageKey;
  baseUrl: string;
  apiKeyEnv: string;
  model: string;
}

const presets: Preset[] = [
  {
    provider: 'llama',
    label: 'settings.preset.llama',
    baseUrl: '',
    apiKeyEnv: '',
    model: '/path/to/model.gguf',
  },
  {
    provider: 'openai',
    label: 'settings.preset.openai',
    baseUrl: 'https://api.openai.com/v1',
    apiKeyEnv: 'OPENAI_API_KEY',
    model: 'gpt-4o-mini',
  },
  {
    provider: 'dashscope',
    label: 'settings.preset.dashscope',
    baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    apiKeyEnv: 'DASHSCOPE_API_KEY',
    model: 'qwen-plus',
  },
  {
    provider: 'ollama',
    label: 'settings.preset.ollama',
    baseUrl: 'http://127.0.0.1:11434/v1',
    apiKeyEnv: '',
    model: 'qwen2.5:7b',
  },
  {
    provider: 'vllm',
    label: 'settings.preset.vllm',
    baseUrl: 'http://127.0.0.1:8000/v1',
    apiKeyEnv: '',
    model: 'Qwen/Qwen2.5-7B-Instruct',
  },
];

/** The add-model form. */
export function AddModelForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  const { api, reportError } = useApp();
  const [preset, setPreset] = useState<Preset>(presets[0] as Preset);
  const [name, setName] = useState('');
  const [model, setModel] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [apiKeyEnv, setApiKeyEnv] = useState('');

  function choose(provider: string) {
    const next = presets.find((entry) => entry.provider === provider) ?? preset;
    setPreset(next);
    setBaseUrl(next.baseUrl);
    setApiKeyEnv(next.apiKeyEnv);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input: AddModelInput = { name: name.trim(), provider: preset.provider, model: model.trim() };
    if (preset.provider !== 'llama' && baseUrl.trim()) input.baseUrl = baseUrl.trim();
    if (apiKeyEnv.trim()) input.apiKeyEnv = apiKeyEnv.trim();
    try {
      await api.models.add(input);
      setName('');
      setModel('');
      onSaved();
    } catch (error) {
      reportError(error);
    }
  }

  return (
    <form className="stack add-model" onSubmit={(event) => void submit(event)}>
      <h3>{t('settings.addModel')}</h3>
      <div className="row wrap">
        <label className="field">
          <span>{t('settings.preset')}</span>
          <select value={preset.provider} onChange={(event) => choose(event.target.value)}>
            {presets.map((entry) => (
              <option key={entry.provider} value={entry.provider}>
                {t(entry.label)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('settings.modelName')}</span>
          <input
            required
            pattern="[A-Za-z0-9][A-Za-z0-9._:\-]*"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
      </div>
      <label className="field">
        <span>{t('settings.modelId')}</span>
        <input
          required
          placeholder={preset.model}
          value={model}
          onChange={(event) => setModel(event.target.value)}
        />
      </label>
      {preset.provider !== 'llama' && (
        <div className="row wrap">
          <label className="field grow">
            <span>{t('settings.baseUrl')}</span>
            <input type="url" value={baseUrl} onChange={(event) => setBaseUrl(event.target.value)} />
          </label>
          <label className="field">
            <span>{t('settings.apiKeyEnv')}</span>
            <input
              value={apiKeyEnv}
              pattern="[A-Z_][A-Z0-9_]*"
              onChange={(event) => setApiKeyEnv(event.target.value)}
            />
          </label>
        </div>
      )}
      <div>
        <button type="submit" className="button primary">
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}
