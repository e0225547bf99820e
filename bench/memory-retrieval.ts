/**
 * Memory retrieval at scale: 100,000 memories for one user (synthetic chat-like turns with a Zipf
 * vocabulary, 2 speakers, 30-turn sessions over two years), added one turn at a time as a chat would.
 * Prints ingest throughput, search latency (median, p99) and the memory work a chat turn adds
 * (one search plus adding the new turn). Then the vector half of hybrid retrieval: the same memories
 * with random unit vectors (VECTOR_DIMS, default 384, the size of small sentence embedders), brute-force
 * cosine search, and the full hybrid search (BM25 + vectors, fused by RRF).
 * Run: node --import tsx bench/memory-retrieval.ts   (MEMORIES=100000 QUERIES=2000 VECTOR_DIMS=384)
 */
import {
  createMemoryIndex,
  createVectorIndex,
  DEFAULT_MEMORY_INDEX_OPTIONS,
  HYBRID_DEPTH,
  hybridSearch,
  type MemoryItem,
} from '../src/memory/index.js';
import { ms, quantile } from './support/stats.js';

const MEMORIES = Number(process.env.MEMORIES ?? 100_000);
const QUERIES = Number(process.env.QUERIES ?? 2_000);
const VECTOR_DIMS = Number(process.env.VECTOR_DIMS ?? 384);
const VOCABULARY = 20_000;
const FRAMES = ['what did', 'when did', 'where did', 'how does', 'why did', 'what kind of'];
const FUNCTION_WORDS = ['the', 'a', 'i', 'you', 'and', 'to', 'was', 'it', 'we', 'so', 'my', 'that'];
const MONTHS = ['yesterday', 'last week', 'last month', 'in may', 'two weeks ago', ''];

/** A seeded generator (mulberry32), so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function makeWords(next: () => number): () => string {
  const words = Array.from({ length: VOCABULARY }, (_, index) => `w${index.toString(36)}x`);
  // Log-uniform ranks approximate Zipf's law (s = 1): the top word is ~7% of content words.
  return () =>
    words[Math.min(VOCABULARY - 1, Math.floor(Math.exp(next() * Math.log(VOCABULARY))) - 1)] ?? 'w0x';
}

function makeMemories(next: () => number, word: () => string): MemoryItem[] {
  const start = Date.UTC(2023, 0, 1);
  return Array.from({ length: MEMORIES }, (_, index) => {
    const session = Math.floor(index / 30);
    const length = 8 + Math.floor(next() * 18);
    const parts = Array.from({ length }, () =>
      next() < 0.4 ? (FUNCTION_WORDS[Math.floor(next() * 12)] ?? 'the') : word(),
    );
    if (next() < 0.2) parts.push(MONTHS[Math.floor(next() * MONTHS.length)] ?? '');
    return {
      id: `m${index}`,
      kind: 'turn',
      text: parts.join(' '),
      speaker: index % 2 === 0 ? 'Ana' : 'Ben',
      timestamp: start + session * 6 * 3_600_000 + (index % 30) * 60_000,
      sessionId: `s${session}`,
      citedMessageIds: [],
    };
  });
}

const next = random(20240601);
const word = makeWords(next);
const memories = makeMemories(next, word);
const index = createMemoryIndex();

const ingestStarted = performance.now();
for (const memory of memories) index.add([memory]);
const ingestMs = performance.now() - ingestStarted;

const queries = Array.from({ length: QUERIES }, () => {
  const source = memories[Math.floor(next() * memories.length)]?.text.split(' ') ?? [];
  const picked = Array.from({ length: 3 }, () => source[Math.floor(next() * source.length)] ?? '');
  const speaker = next() < 0.5 ? 'Ana' : 'Ben';
  return `${FRAMES[Math.floor(next() * FRAMES.length)] ?? 'what did'} ${speaker} ${picked.join(' ')}?`;
});
for (const text of queries.slice(0, 200)) index.search({ text, k: 10 }); // warm up the JIT

const searchTimes = queries.map((text) => {
  const started = performance.now();
  index.search({ text, k: 10 });
  return performance.now() - started;
});

const turnTimes = queries.slice(0, 500).map((text, number) => {
  const started = performance.now();
  index.search({ text, k: 10 });
  index.add([
    { ...(memories[number] as MemoryItem), id: `turn${number}`, sessionId: 'live', timestamp: Date.now() },
  ]);
  return performance.now() - started;
});

const heapMb = process.memoryUsage().heapUsed / 1_048_576;
console.log(`memory retrieval, ${index.size.toLocaleString('en')} memories (Node ${process.version})`);
console.log(
  `  ingest: ${Math.round(MEMORIES / (ingestMs / 1000)).toLocaleString('en')} memories/s, one at a time (${(ingestMs / 1000).toFixed(1)} s)`,
);
console.log(
  `  search k=10: median ${ms(quantile(searchTimes, 0.5))}, p99 ${ms(quantile(searchTimes, 0.99))}, max ${ms(Math.max(...searchTimes))} over ${QUERIES} queries`,
);
console.log(
  `  per chat turn (search + add the turn): median ${ms(quantile(turnTimes, 0.5))}, p99 ${ms(quantile(turnTimes, 0.99))}`,
);
console.log(`  heap: ${heapMb.toFixed(0)} MB`);

// Vectors: random directions (Gaussian components via Box-Muller), which is the worst case for any
// pruning and exactly the cost of a brute-force scan; what the values are does not change the work.
function randomVector(): Float32Array {
  const vector = new Float32Array(VECTOR_DIMS);
  for (let index = 0; index < VECTOR_DIMS; index += 1) {
    vector[index] = Math.sqrt(-2 * Math.log(next() + Number.EPSILON)) * Math.cos(2 * Math.PI * next());
  }
  return vector;
}
const vectorIndex = createVectorIndex(VECTOR_DIMS, MEMORIES);
const vectorsStarted = performance.now();
for (const memory of memories) vectorIndex.add(memory, randomVector());
const vectorIngestMs = performance.now() - vectorsStarted;
const vectorQueries = Array.from({ length: Number(process.env.VECTOR_QUERIES ?? 300) }, randomVector);
for (const query of vectorQueries.slice(0, 20)) vectorIndex.search(query, 10); // warm up the JIT
// Wall time, and the process's CPU time: on a shared machine the second is what one query costs.
const timed = (run: (query: Float32Array, number: number) => unknown) => {
  const wall: number[] = [];
  const cpu: number[] = [];
  vectorQueries.forEach((query, number) => {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    run(query, number);
    const used = process.cpuUsage(cpuStarted);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  });
  return { wall, cpu };
};
const figures = ({ wall, cpu }: { wall: number[]; cpu: number[] }) =>
  `median ${ms(quantile(wall, 0.5))}, p99 ${ms(quantile(wall, 0.99))} (CPU time: median ${ms(quantile(cpu, 0.5))}, p99 ${ms(quantile(cpu, 0.99))})`;
const vectorTimes = timed((query) => vectorIndex.search(query, 10));
const deepTimes = timed((query) => vectorIndex.search(query, HYBRID_DEPTH));
const priors = { ...DEFAULT_MEMORY_INDEX_OPTIONS, importanceWeight: 0.5 };
const hybridTimes = timed((query, number) =>
  hybridSearch(index, vectorIndex, query, { text: queries[number] ?? '', k: 24 }, priors),
);
const vectorMb = (vectorIndex.size * VECTOR_DIMS * 4) / 1_048_576;
console.log(
  `vector search, ${vectorIndex.size.toLocaleString('en')} x ${VECTOR_DIMS} dims (${vectorMb.toFixed(0)} MB of float32, normalised on insert)`,
);
console.log(`  insert: ${Math.round(MEMORIES / (vectorIngestMs / 1000)).toLocaleString('en')} vectors/s`);
console.log(`  search k=10: ${figures(vectorTimes)} over ${vectorQueries.length} queries`);
console.log(`  search k=${HYBRID_DEPTH} (hybrid depth): ${figures(deepTimes)}`);
console.log(`  hybrid (BM25 + vectors, RRF, k=24): ${figures(hybridTimes)}`);
console.log(`  heap after vectors: ${(process.memoryUsage().heapUsed / 1_048_576).toFixed(0)} MB`);
