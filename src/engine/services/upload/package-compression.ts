import { createHash, type Hash } from 'node:crypto';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { LedgerError } from '../../../shared/ledger-error';

/**
 * A package's text compressed and its parts hashed on a thread of their own, while the build reads the
 * next rows. Gzip is the larger half of building a month's package (about 100 ms of the large demo's
 * 300), and the build is synchronous inside its transaction: on one thread the queries and the
 * compression take turns; on two they overlap.
 *
 * The text is written as UTF-8 straight into chunk slots in shared memory (`slots` of `chunkBytes`
 * each, per package), so neither thread makes a string or a copy of it: memory holds those slots and
 * the gzip members, whatever the package's size. Each chunk goes to the thread as it fills, named by its
 * slot and length, with the byte ranges of the section parts it holds. The thread feeds each range to
 * its part's sha256, in order, and gzips the chunk into a member of its own (the same bytes `gzipSync`
 * of those bytes makes anywhere: the body does not depend on which thread compressed it) — unless the
 * build took that chunk first. Each slot carries a claim flag, and whoever sets it compresses: the build
 * takes the newest chunk when the thread is `inFlight` chunks behind, and at the end every chunk the
 * thread has not reached, so both threads work to the last chunk. A slot is written again only once the
 * thread has read the chunk in it (the build waits for that, which it seldom has to: the thread only
 * hashes the chunks the build took). The thread hands each member back as it makes it, and the build
 * takes them when it can store them (`drain`); closing waits, synchronously, for the last members and
 * the part digests.
 *
 * The build stays one synchronous transaction because it waits with `Atomics.wait`: the thread counts
 * the chunks it has finished and the replies it has posted in a shared array, and the build sleeps on
 * those counters.
 */

/** One part's bytes within a chunk: its index in the package, and the range. */
export type PartRange = readonly [part: number, start: number, end: number];

/** Bytes of text per chunk, each gzipped into a member of its own. */
export const chunkBytes = 1 << 20;

/** A gzip member of the body, and its place among them. */
export type Member = readonly [index: number, bytes: Buffer];

export interface CompressedPackage {
  /** The members not drained before, in no particular order. */
  members: Member[];
  /** Each part's sha256 (hex), by part index. */
  partDigests: string[];
}

type Request =
  | {
      job: number;
      kind: 'chunk';
      index: number;
      memory: SharedArrayBuffer;
      claims: Int32Array;
      slot: number;
      length: number;
      ranges: readonly PartRange[];
    }
  | { job: number; kind: 'close' }
  | { job: number; kind: 'abandon' };

type Reply =
  | { job: number; member: [index: number, bytes: ArrayBuffer] }
  | { job: number; partDigests: string[] }
  | { job: number; error: string };

/** Counters in the shared array: chunks compressed, and replies posted. */
const chunksDone = 0;
const repliesPosted = 1;

/** A chunk's claim flag: unclaimed, or claimed by the thread or by the build. */
const unclaimed = 0;
const byThread = 1;
const byBuild = 2;

/** Chunks queued for the thread past which the build compresses the next one itself. */
const inFlight = 2;

/** Chunk slots per package: those queued, the one being filled, and one spare for the thread's lag. */
const slots = inFlight + 2;

/** How long a wait may last before the thread is taken for dead. */
const stalledMs = 60_000;

/**
 * The thread's code, as a script: it needs only Node's own modules, and run from a string it works the
 * same under tsx, vitest, the bundled utility process and the CLI, with no file of its own to locate.
 */
const chunkBytesSource = String(chunkBytes);
const threadSource = `
const { workerData } = require('node:worker_threads');
const { gzipSync } = require('node:zlib');
const { createHash } = require('node:crypto');
const { port, counters } = workerData;
const jobs = new Map();
function reply(message, transfer) {
  port.postMessage(message, transfer);
  Atomics.add(counters, ${repliesPosted}, 1);
  Atomics.notify(counters, ${repliesPosted});
}
port.on('message', (request) => {
  if (request.kind === 'abandon') { jobs.delete(request.job); return; }
  let job = jobs.get(request.job);
  if (!job) { job = { hashes: [], error: null }; jobs.set(request.job, job); }
  if (request.kind === 'chunk') {
    try {
      if (job.error === null) {
        const bytes = Buffer.from(request.memory, request.slot * ${chunkBytesSource}, request.length);
        if (Atomics.compareExchange(request.claims, request.slot, ${unclaimed}, ${byThread}) === ${unclaimed}) {
          // A member that owns its whole memory is handed over as it is; one within a larger buffer is copied out.
          const m = gzipSync(bytes);
          const own = m.byteOffset === 0 && m.byteLength === m.buffer.byteLength ? m.buffer : m.buffer.slice(m.byteOffset, m.byteOffset + m.byteLength);
          port.postMessage({ job: request.job, member: [request.index, own] }, [own]);
        }
        for (const [part, start, end] of request.ranges) {
          if (!job.hashes[part]) job.hashes[part] = createHash('sha256');
          job.hashes[part].update(bytes.subarray(start, end));
        }
      }
    } catch (error) {
      job.error = String(error && error.message || error);
    }
    Atomics.add(counters, ${chunksDone}, 1);
    Atomics.notify(counters, ${chunksDone});
    return;
  }
  jobs.delete(request.job);
  if (job.error !== null) { reply({ job: request.job, error: job.error }); return; }
  reply({ job: request.job, partDigests: Array.from(job.hashes, (hash) => (hash ? hash.digest('hex') : '')) });
});
`;

interface Thread {
  worker: Worker;
  port: MessagePort;
  counters: Int32Array;
  /** Chunks sent to the thread so far (compared with its count of chunks done). */
  chunksSent: number;
  nextJob: number;
}

let thread: Thread | null = null;

function compressionThread(): Thread {
  if (thread) return thread;
  const { port1, port2 } = new MessageChannel();
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(threadSource, {
    eval: true,
    workerData: { port: port2, counters },
    transferList: [port2],
  });
  // The thread lives as long as the process and never keeps it from exiting.
  worker.unref();
  port1.unref();
  const started: Thread = { worker, port: port1, counters, chunksSent: 0, nextJob: 1 };
  worker.on('error', () => {
    if (thread === started) thread = null;
  });
  thread = started;
  return started;
}

function stalled(): LedgerError {
  thread?.worker.terminate().catch(() => undefined);
  thread = null;
  return new LedgerError('INTERNAL', '上传包压缩线程无响应，请重试；若一再出现，请重启程序。');
}

/** Sleeps until the counter moves past `seen`, or throws when the thread has stopped answering. */
function waitPast(counters: Int32Array, counter: number, seen: number): void {
  if (Atomics.load(counters, counter) !== seen) return;
  if (Atomics.wait(counters, counter, seen, stalledMs) === 'timed-out') throw stalled();
}

/** One package's compression: chunks in, then the members and part digests out. */
export interface PackageCompression {
  /** Where the next chunk is written: `chunkBytes` long, the writer's until it hands the chunk over. */
  buffer(): Buffer;
  /** Hands over the first `length` bytes of the buffer last given, with the part ranges in them. */
  chunk(length: number, ranges: readonly PartRange[]): void;
  /** The members made since the last call, in no particular order; never waits. */
  drain(): Member[];
  /** Waits for every chunk handed over: the members not drained yet, and the part digests. */
  close(): CompressedPackage;
  /** Drops what is held for a package that will not be closed (its build failed). */
  abandon(): void;
}

/**
 * Whether this thread may block in `Atomics.wait`: Node's threads may, a browser's main thread may not,
 * and an embedder may forbid it. The spec has the check come before the value is compared, so a wait on
 * a value that differs answers at once where blocking is allowed and throws where it is not.
 */
function mayBlock(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

let threadUsable: boolean | null = null;

/** The compression thread where this thread may wait for it; else compression here, as it comes. */
export function packageCompression(): PackageCompression {
  threadUsable ??= mayBlock();
  return threadUsable ? new ThreadCompression() : new InlineCompression();
}

/** Compression on the calling thread: each chunk gzipped and hashed as it is handed over. */
export class InlineCompression implements PackageCompression {
  private members: Member[] = [];
  private made = 0;
  private readonly hashes: Hash[] = [];
  private readonly slot = Buffer.allocUnsafe(chunkBytes);

  buffer(): Buffer {
    return this.slot;
  }

  chunk(length: number, ranges: readonly PartRange[]): void {
    const bytes = this.slot.subarray(0, length);
    this.members.push([this.made++, gzipSync(bytes)]);
    for (const [part, start, end] of ranges)
      (this.hashes[part] ??= createHash('sha256')).update(bytes.subarray(start, end));
  }

  drain(): Member[] {
    return this.members.splice(0);
  }

  close(): CompressedPackage {
    return {
      members: this.drain(),
      partDigests: Array.from(this.hashes, (hash) => hash?.digest('hex') ?? ''),
    };
  }

  abandon(): void {}
}

/** A chunk handed over and not yet claimed: the build may still take it. */
interface Unclaimed {
  index: number;
  slot: number;
  length: number;
}

/** Compression on the shared thread (above), the build taking chunks when it falls behind. */
export class ThreadCompression implements PackageCompression {
  private readonly thread = compressionThread();
  private readonly job = this.thread.nextJob++;
  private closed = false;
  private readonly memory = new SharedArrayBuffer(slots * chunkBytes);
  private readonly claims = new Int32Array(new SharedArrayBuffer(slots * 4));
  /** Each slot's last chunk, counted among all the thread was sent (-1: none yet). */
  private readonly slotChunk = new Array<number>(slots).fill(-1);

  /** Chunks handed over so far. */
  private chunks = 0;
  /** Members made and not drained yet. */
  private ready: Member[] = [];
  /** The chunks no one has claimed yet, newest last. */
  private unclaimed: Unclaimed[] = [];
  /** The thread's answer to `close`. */
  private closing: { partDigests: string[] } | null = null;

  private get slot(): number {
    return this.chunks % slots;
  }

  private bytes(slot: number, length: number): Buffer {
    return Buffer.from(this.memory, slot * chunkBytes, length);
  }

  /** The next slot, once the thread has read the chunk last written in it. */
  buffer(): Buffer {
    const { counters } = this.thread;
    const last = this.slotChunk[this.slot]!;
    for (
      let done = Atomics.load(counters, chunksDone);
      done <= last;
      done = Atomics.load(counters, chunksDone)
    )
      waitPast(counters, chunksDone, done);
    return this.bytes(this.slot, chunkBytes);
  }

  /** Hands the chunk in the slot to the thread, and compresses it here when the thread is behind. */
  chunk(length: number, ranges: readonly PartRange[]): void {
    const { counters, port } = this.thread;
    const { slot, memory, claims } = this;
    const index = this.chunks++;
    Atomics.store(claims, slot, unclaimed);
    this.slotChunk[slot] = this.thread.chunksSent;
    this.thread.chunksSent += 1;
    port.postMessage({
      job: this.job,
      kind: 'chunk',
      index,
      memory,
      claims,
      slot,
      length,
      ranges,
    } satisfies Request);
    this.unclaimed = this.unclaimed.filter((chunk) => Atomics.load(claims, chunk.slot) === unclaimed);
    this.unclaimed.push({ index, slot, length });
    if (this.thread.chunksSent - Atomics.load(counters, chunksDone) > inFlight)
      this.take(this.unclaimed.pop()!);
  }

  /** Compresses a chunk here, unless the thread has claimed it meanwhile. */
  private take(chunk: Unclaimed): void {
    if (Atomics.compareExchange(this.claims, chunk.slot, unclaimed, byBuild) === unclaimed)
      this.ready.push([chunk.index, gzipSync(this.bytes(chunk.slot, chunk.length))]);
  }

  drain(): Member[] {
    for (
      let received = receiveMessageOnPort(this.thread.port);
      received;
      received = receiveMessageOnPort(this.thread.port)
    )
      this.receive(received.message as Reply);
    return this.ready.splice(0);
  }

  /** A message from the thread; one for another job is from a package abandoned mid-build. */
  private receive(message: Reply): void {
    if (message.job !== this.job) return;
    if ('error' in message) throw new LedgerError('INTERNAL', `上传包压缩失败：${message.error}`);
    if ('member' in message) this.ready.push([message.member[0], Buffer.from(message.member[1])]);
    else this.closing = message;
  }

  /** Waits for every chunk handed over: the members not drained yet, and the part digests. */
  close(): CompressedPackage {
    const { counters, port } = this.thread;
    this.closed = true;
    // The thread works from the oldest chunk: the build takes from the newest until they meet.
    for (const chunk of this.unclaimed.splice(0).reverse()) this.take(chunk);
    let seen = Atomics.load(counters, repliesPosted);
    port.postMessage({ job: this.job, kind: 'close' } satisfies Request);
    for (;;) {
      const members = this.drain();
      if (this.closing) return { members, partDigests: this.closing.partDigests };
      this.ready = members;
      waitPast(counters, repliesPosted, seen);
      seen = Atomics.load(counters, repliesPosted);
    }
  }

  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    this.thread.port.postMessage({ job: this.job, kind: 'abandon' } satisfies Request);
  }
}
