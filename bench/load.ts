/**
 * Load bench: N concurrent streaming turns through a Starling server whose model is a local fake
 * OpenAI-compatible backend emitting tokens at a fixed rate. Three processes: the server (measured),
 * the fake backend, and this one with the clients; the clients use raw node:http and parse only the
 * send-time stamps in the token text, so they cost little next to the server. Each token carries its
 * send time, so the added latency per token is (client receive time - backend send time). Reports
 * concurrency held, added latency p50/p99, time to first token, CPU per token of each process,
 * server RSS and errors. Loopback only; every wait is bounded.
 *
 * Run: node --import tsx bench/load.ts [--streams 1000] [--rate 20] [--tokens 100] [--via rest|v1]
 *      [--timeout-s 180] [--aligned] [--ramp-s 0]
 * --aligned starts every stream's token clock without a random phase (bursts line up);
 * --ramp-s spreads the stream starts over that many seconds (default: all at once).
 * BENCH_CPU_PROF=<folder> writes a CPU profile of the server process there.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import http from 'node:http';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { preciseNow, startFakeOpenAIServer } from './support/fake-openai-server.js';
import { streamOnce, type StreamOutcome } from './support/load-client.js';
import { ms, quantile } from './support/stats.js';
import { createStarlingClient } from '../src/client/index.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'bench' },
    backend: { type: 'string' },
    streams: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '20' },
    tokens: { type: 'string', default: '100' },
    via: { type: 'string', default: 'rest' },
    'timeout-s': { type: 'string', default: '180' },
    'ramp-s': { type: 'string', default: '0' },
    aligned: { type: 'boolean', default: false },
  },
});

interface ServerReady {
  type: 'ready';
  url: string;
  key: string;
  characterId: string;
}

interface BackendReady {
  type: 'ready';
  url: string;
}

type ProcessStats = { rss: number; peakRss: number; cpuMicros: number; peakActive: number };

if (values.role === 'server') await runServer(values.backend ?? '', Number(values.tokens));
else if (values.role === 'backend') await runBackend();
else await runBench();

/** Answers `stats` over IPC with RSS, peak RSS and CPU time; runs `stop` on `stop`. */
function serveStats(stop: () => Promise<void>, active: () => number = () => 0): void {
  let peakRss = process.memoryUsage().rss;
  let peakActive = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    peakActive = Math.max(peakActive, active());
  }, 100);
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stats') {
      const rss = process.memoryUsage().rss;
      const { user, system } = process.cpuUsage();
      const stats = { rss, peakRss: Math.max(peakRss, rss), cpuMicros: user + system, peakActive };
      process.send?.({ type: 'stats', ...stats });
    }
    if (message.type === 'stop') {
      clearInterval(sampler);
      void stop().finally(() => process.exit(0));
    }
  });
}

/** A child: the fake backend, stamping each token with its send time. */
async function runBackend(): Promise<void> {
  const backend = await startFakeOpenAIServer({
    tokensPerSecond: Number(values.rate),
    tokens: Number(values.tokens),
    stampTokens: true,
    staggerTokens: !values.aligned,
  });
  serveStats(() => backend.close(), backend.active);
  process.send?.({ type: 'ready', url: backend.baseUrl } satisfies BackendReady);
}

/** A child: a Starling server on 127.0.0.1 using the fake backend. */
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
  serveStats(async () => {
    await server.close();
    await starling.close();
    await rm(home, { recursive: true, force: true });
  });
  const characterId = imported[0]?.id ?? '';
  process.send?.({ type: 'ready', url: server.url, key, characterId } satisfies ServerReady);
}

function startChild(args: string[], profile?: string): ChildProcess {
  const execArgv = ['--import', 'tsx', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])];
  return fork(import.meta.filename, args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

async function stats(child: ChildProcess): Promise<ProcessStats> {
  child.send({ type: 'stats' });
  return nextMessage<ProcessStats>(child, 'stats', 10_000);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.send({ type: 'stop' });
  await Promise.race([new Promise((resolve) => child.once('exit', resolve)), delay(10_000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function runBench(): Promise<void> {
  const streams = Number(values.streams);
  const rate = Number(values.rate);
  const tokens = Number(values.tokens);
  const rampMs = Number(values['ramp-s']) * 1000;
  const via = values.via === 'v1' ? 'v1' : 'rest';
  const deadline = Date.now() + Number(values['timeout-s']) * 1000;
  const shared = [
    '--rate',
    String(rate),
    '--tokens',
    String(tokens),
    ...(values.aligned ? ['--aligned'] : []),
  ];
  const backendChild = startChild(['--role', 'backend', ...shared]);
  let serverChild: ChildProcess | undefined;
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  try {
    const backend = await nextMessage<BackendReady>(backendChild, 'ready', 60_000);
    serverChild = startChild(
      ['--role', 'server', '--backend', backend.url, ...shared],
      process.env['BENCH_CPU_PROF'],
    );
    const server = serverChild;
    const ready = await nextMessage<ServerReady>(server, 'ready', 60_000);
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
    const controller = new AbortController();
    setMaxListeners(streams + 10, controller.signal);
    const timer = setTimeout(() => controller.abort(), Math.max(0, deadline - Date.now()));
    const [serverBefore, backendBefore] = await Promise.all([stats(server), stats(backendChild)]);
    const benchBefore = process.cpuUsage();
    const started = performance.now();
    let lastOpenedAt = 0;
    const track = (delta: number): void => {
      if (delta > 0) lastOpenedAt = preciseNow();
      open += delta;
      peakOpen = Math.max(peakOpen, open);
    };
    const outcomes = await Promise.all(
      sessionIds.map(async (sessionId, index) => {
        if (rampMs > 0) await delay((index / streams) * rampMs);
        return streamOnce({ ...ready, agent, via, sessionId, index, signal: controller.signal, track });
      }),
    );
    const elapsed = performance.now() - started;
    clearTimeout(timer);
    lag.disable();
    const benchCpu = process.cpuUsage(benchBefore);
    const [serverAfter, backendAfter] = await Promise.all([stats(server), stats(backendChild)]);
    report({
      outcomes,
      streams,
      tokens,
      rate,
      via,
      elapsed,
      peakOpen,
      lastOpenedAt,
      lagP99: lag.percentile(99) / 1e6,
      cpu: {
        server: serverAfter.cpuMicros - serverBefore.cpuMicros,
        backend: backendAfter.cpuMicros - backendBefore.cpuMicros,
        clients: benchCpu.user + benchCpu.system,
      },
      server: serverAfter,
      peakBackend: backendAfter.peakActive,
    });
  } finally {
    agent.destroy();
    if (serverChild) await stopChild(serverChild);
    await stopChild(backendChild);
  }
}

function report(input: {
  outcomes: StreamOutcome[];
  streams: number;
  tokens: number;
  rate: number;
  via: string;
  elapsed: number;
  peakOpen: number;
  lastOpenedAt: number;
  lagP99: number;
  cpu: { server: number; backend: number; clients: number };
  server: ProcessStats;
  peakBackend: number;
}): void {
  const { outcomes, tokens } = input;
  const latencies = outcomes.flatMap((outcome) => outcome.latencies);
  // Tokens sent after the last stream opened: the steady state, without the start-up burst.
  const steady = outcomes.flatMap((outcome) =>
    outcome.latencies.filter((_, index) => (outcome.sentAt[index] ?? 0) > input.lastOpenedAt),
  );
  const ttfts = outcomes.flatMap((outcome) => (outcome.ttft === null ? [] : [outcome.ttft]));
  const failed = outcomes.filter((outcome) => !outcome.ok || outcome.tokens !== tokens);
  const errorKinds = new Map<string, number>();
  for (const outcome of failed) {
    const kind = outcome.error ?? `tokens ${outcome.tokens}/${tokens}`;
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  }
  const perToken = (micros: number): number => Math.round(micros / Math.max(1, latencies.length));
  const mib = (bytes: number): number => Number((bytes / 2 ** 20).toFixed(1));
  console.log(
    JSON.stringify(
      {
        via: input.via,
        streams: input.streams,
        tokensPerStream: tokens,
        ratePerStream: input.rate,
        aligned: values.aligned,
        rampSeconds: Number(values['ramp-s']),
        peakOpenStreams: input.peakOpen,
        peakBackendStreams: input.peakBackend,
        wallSeconds: Number((input.elapsed / 1000).toFixed(2)),
        tokensReceived: latencies.length,
        addedLatencyP50: ms(quantile(latencies, 0.5)),
        addedLatencyP99: ms(quantile(latencies, 0.99)),
        addedLatencyMax: ms(quantile(latencies, 1)),
        steadyTokens: steady.length,
        steadyAddedLatencyP50: ms(quantile(steady, 0.5)),
        steadyAddedLatencyP99: ms(quantile(steady, 0.99)),
        ttftP50: ms(quantile(ttfts, 0.5)),
        ttftP99: ms(quantile(ttfts, 0.99)),
        clientEventLoopLagP99: ms(input.lagP99),
        serverCpuMicrosPerToken: perToken(input.cpu.server),
        backendCpuMicrosPerToken: perToken(input.cpu.backend),
        clientCpuMicrosPerToken: perToken(input.cpu.clients),
        serverCpuSeconds: Number((input.cpu.server / 1e6).toFixed(2)),
        serverRssMiB: mib(input.server.rss),
        serverPeakRssMiB: mib(input.server.peakRss),
        errors: failed.length,
        errorKinds: Object.fromEntries([...errorKinds].slice(0, 5)),
      },
      null,
      2,
    ),
  );
}

function nextMessage<T>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${type} message from a child process in ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onExit = (code: number | null) => reject(new Error(`a child process exited (${code})`));
    const onMessage = (message: { type?: string }) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
