/**
 * Load bench: N concurrent streaming turns through a Starling server whose model is a local fake
 * OpenAI-compatible backend emitting tokens at a fixed rate. The server runs in a child process; the
 * backend and the clients run here. Each token carries its send time, so the added latency per token
 * is (client receive time - backend send time). Reports concurrency held, added latency p50/p99,
 * time to first token, server RSS and errors. Loopback only; every wait is bounded.
 *
 * Run: node --import tsx bench/load.ts [--streams 1000] [--rate 20] [--tokens 100] [--via rest|v1]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { preciseNow, readStamps, startFakeOpenAIServer } from './support/fake-openai-server.js';
import { ms, quantile } from './support/stats.js';
import { createStarlingClient } from '../src/client/index.js';
import { readServerSentEvents } from '../src/client/sse.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'bench' },
    backend: { type: 'string' },
    streams: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '20' },
    tokens: { type: 'string', default: '100' },
    via: { type: 'string', default: 'rest' },
    'timeout-s': { type: 'string', default: '180' },
  },
});

interface ServerReady {
  type: 'ready';
  url: string;
  key: string;
  characterId: string;
}

type ServerStats = { rss: number; peakRss: number; cpuMicros: number };

interface StreamOutcome {
  ok: boolean;
  error?: string;
  tokens: number;
  latencies: number[];
  /** Backend send time of each latency sample. */
  sentAt: number[];
  ttft: number | null;
}

if (values.role === 'server') await runServer(values.backend ?? '', Number(values.tokens));
else await runBench();

/** The child: a Starling server on 127.0.0.1 using the fake backend; answers RSS queries over IPC. */
async function runServer(backendUrl: string, maxTokens: number): Promise<void> {
  const { createStarling, importFiles } = await import('../src/engine/index.js');
  const { createAccounts } = await import('../src/accounts/index.js');
  const { defaultServerOptions, startServer } = await import('../src/server/index.js');
  const home = await mkdtemp(path.join(tmpdir(), 'starling-load-'));
  const config = { maxReplyTokens: maxTokens };
  const starling = await createStarling({ home, env: { STARLING_MODEL: 'fake' }, config });
  const fake = { name: 'fake', provider: 'custom', model: 'fake', baseUrl: backendUrl, apiKeyEnv: null };
  await starling.store.models.upsert({ ...fake, contextSize: 8192, options: {} });
  const accounts = createAccounts(starling.store);
  const user = await accounts.createUser({ name: 'bench' });
  const { key } = await accounts.createApiKey(user.id, { name: 'bench' });
  const card = new Uint8Array(
    await readFile(path.resolve(import.meta.dirname, '../examples/lin-the-tea-keeper.json')),
  );
  const { imported } = await importFiles(starling.store, user.id, [{ name: 'lin.json', bytes: card }]);
  const options = defaultServerOptions({ port: 0, rateLimitPerKey: 1e9, rateLimitPerIp: 1e9 });
  const server = await startServer({ starling, accounts, log: () => undefined, options });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stats') {
      const rss = process.memoryUsage().rss;
      const { user, system } = process.cpuUsage();
      process.send?.({ type: 'stats', rss, peakRss: Math.max(peakRss, rss), cpuMicros: user + system });
    }
    if (message.type === 'stop') {
      clearInterval(sampler);
      void server
        .close()
        .then(() => starling.close())
        .then(() => rm(home, { recursive: true, force: true }))
        .finally(() => process.exit(0));
    }
  });
  const characterId = imported[0]?.id ?? '';
  process.send?.({ type: 'ready', url: server.url, key, characterId } satisfies ServerReady);
}

async function runBench(): Promise<void> {
  const streams = Number(values.streams);
  const rate = Number(values.rate);
  const tokens = Number(values.tokens);
  const deadline = Date.now() + Number(values['timeout-s']) * 1000;
  const backend = await startFakeOpenAIServer({ tokensPerSecond: rate, tokens, stampTokens: true });
  // BENCH_CPU_PROF=<folder> writes a CPU profile of the server process there.
  const profile = process.env['BENCH_CPU_PROF'];
  const execArgv = ['--import', 'tsx', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])];
  const args = ['--role', 'server', '--backend', backend.baseUrl, '--tokens', String(tokens)];
  const child = fork(import.meta.filename, args, {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const ready = await nextMessage<ServerReady>(child, 'ready', 60_000);
    const client = createStarlingClient({ baseUrl: ready.url, apiKey: ready.key });
    // Sessions first (not measured), a few at a time.
    const sessionIds: string[] = [];
    for (let index = 0; index < streams; index += 50) {
      const batch = Array.from({ length: Math.min(50, streams - index) }, () =>
        client.sessions.create(ready.characterId),
      );
      for (const created of await Promise.all(batch)) sessionIds.push(created.session.id);
    }
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    let open = 0;
    let peakOpen = 0;
    let peakBackend = 0;
    const watcher = setInterval(() => (peakBackend = Math.max(peakBackend, backend.active())), 50);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), Math.max(0, deadline - Date.now()));
    child.send({ type: 'stats' });
    const serverBefore = await nextMessage<ServerStats>(child, 'stats', 10_000);
    const benchBefore = process.cpuUsage();
    const started = performance.now();
    let lastOpenedAt = 0;
    const track = (delta: number): void => {
      if (delta > 0) lastOpenedAt = preciseNow();
      open += delta;
      peakOpen = Math.max(peakOpen, open);
    };
    const run = values.via === 'v1' ? streamV1 : streamRest;
    const outcomes = await Promise.all(
      sessionIds.map((sessionId, index) =>
        run({ ...ready, sessionId, index, signal: controller.signal, track }).catch(
          (error: unknown): StreamOutcome => ({
            ok: false,
            error: String(error),
            tokens: 0,
            latencies: [],
            sentAt: [],
            ttft: null,
          }),
        ),
      ),
    );
    const elapsed = performance.now() - started;
    clearTimeout(timer);
    clearInterval(watcher);
    lag.disable();
    const benchCpu = process.cpuUsage(benchBefore);
    child.send({ type: 'stats' });
    const rss = await nextMessage<ServerStats>(child, 'stats', 10_000);
    const latencies = outcomes.flatMap((outcome) => outcome.latencies);
    // Tokens sent after the last stream opened: the steady state, without the start-up burst.
    const steady = outcomes.flatMap((outcome) =>
      outcome.latencies.filter((_, index) => (outcome.sentAt[index] ?? 0) > lastOpenedAt),
    );
    const ttfts = outcomes.flatMap((outcome) => (outcome.ttft === null ? [] : [outcome.ttft]));
    const failed = outcomes.filter((outcome) => !outcome.ok || outcome.tokens !== tokens);
    const errorKinds = new Map<string, number>();
    for (const outcome of failed) {
      const kind = outcome.error ?? `tokens ${outcome.tokens}/${tokens}`;
      errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
    }
    const perToken = (micros: number): number => Math.round(micros / Math.max(1, latencies.length));
    const report = {
      via: values.via,
      streams,
      tokensPerStream: tokens,
      ratePerStream: rate,
      peakOpenStreams: peakOpen,
      peakBackendStreams: peakBackend,
      wallSeconds: Number((elapsed / 1000).toFixed(2)),
      tokensReceived: latencies.length,
      addedLatencyP50: ms(quantile(latencies, 0.5)),
      addedLatencyP99: ms(quantile(latencies, 0.99)),
      addedLatencyMax: ms(quantile(latencies, 1)),
      steadyTokens: steady.length,
      steadyAddedLatencyP50: ms(quantile(steady, 0.5)),
      steadyAddedLatencyP99: ms(quantile(steady, 0.99)),
      ttftP50: ms(quantile(ttfts, 0.5)),
      ttftP99: ms(quantile(ttfts, 0.99)),
      clientEventLoopLagP99: ms(lag.percentile(99) / 1e6),
      serverCpuMicrosPerToken: perToken(rss.cpuMicros - serverBefore.cpuMicros),
      benchCpuMicrosPerToken: perToken(benchCpu.user + benchCpu.system),
      serverRssMiB: Number((rss.rss / 2 ** 20).toFixed(1)),
      serverPeakRssMiB: Number((rss.peakRss / 2 ** 20).toFixed(1)),
      errors: failed.length,
      errorKinds: Object.fromEntries([...errorKinds].slice(0, 5)),
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    child.send({ type: 'stop' });
    await Promise.race([new Promise((resolve) => child.once('exit', resolve)), delay(10_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await backend.close();
  }
}

interface StreamInput extends ServerReady {
  sessionId: string;
  index: number;
  signal: AbortSignal;
  track: (delta: number) => void;
}

/** One turn over `POST /api/sessions/:id/messages` with the typed client. */
async function streamRest(input: StreamInput): Promise<StreamOutcome> {
  const client = createStarlingClient({ baseUrl: input.url, apiKey: input.key });
  const outcome: StreamOutcome = { ok: false, tokens: 0, latencies: [], sentAt: [], ttft: null };
  const sent = preciseNow();
  let opened = false;
  try {
    for await (const event of client.messages.send(input.sessionId, `Hello ${input.index}`, {
      signal: input.signal,
    })) {
      if (!opened) input.track(+1);
      opened = true;
      if (event.type === 'text-delta') record(outcome, event.delta, sent);
      if (event.type === 'error') outcome.error = event.code;
      if (event.type === 'turn-end') outcome.ok = event.finishReason !== 'abort';
    }
  } finally {
    if (opened) input.track(-1);
  }
  return outcome;
}

/** One turn over `POST /v1/chat/completions` (stream: true), read as raw SSE. */
async function streamV1(input: StreamInput): Promise<StreamOutcome> {
  const outcome: StreamOutcome = { ok: false, tokens: 0, latencies: [], sentAt: [], ttft: null };
  const sent = preciseNow();
  const response = await fetch(`${input.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${input.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: input.characterId,
      stream: true,
      messages: [{ role: 'user', content: `Hello ${input.index}` }],
    }),
    signal: input.signal,
  });
  if (!response.ok || !response.body) return { ...outcome, error: `http ${response.status}` };
  input.track(+1);
  try {
    for await (const event of readServerSentEvents(response.body)) {
      if (event.data === '[DONE]') outcome.ok = outcome.error === undefined;
      else {
        const chunk = JSON.parse(event.data) as {
          choices?: { delta?: { content?: string } }[];
          error?: { code?: string };
        };
        if (chunk.error) outcome.error = chunk.error.code ?? 'error';
        const text = chunk.choices?.[0]?.delta?.content;
        if (text) record(outcome, text, sent);
      }
    }
  } finally {
    input.track(-1);
  }
  return outcome;
}

function record(outcome: StreamOutcome, text: string, sent: number): void {
  const received = preciseNow();
  const stamps = readStamps(text);
  if (outcome.ttft === null && stamps.length > 0) outcome.ttft = received - sent;
  outcome.tokens += stamps.length;
  for (const stamp of stamps) {
    outcome.latencies.push(received - stamp);
    outcome.sentAt.push(stamp);
  }
}

function nextMessage<T>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${type} message from the server in ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (message: { type?: string }) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
}
