import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A fault-injecting TCP proxy on 127.0.0.1 for the upload tests (TESTING.md: fault injection is a
 * proxy of the tests' own; nothing leaves the machine). It relays raw bytes, so it sits *under* TLS:
 * the branch's TLS session still ends at the head-office receiver, certificates and all, and what the
 * proxy breaks is the network between them.
 *
 * The mode is read live, chunk by chunk, so `set()` also affects connections already open (an
 * uploader's keep-alive socket made while in 'pass' still meets the fault set afterwards).
 *
 * Byte positions (`resetMidBody`, `flipByte`) count the client's *application data*: for TLS the
 * payload of its application_data records after its handshake (record headers not counted), so
 * "byte 0" is the first encrypted byte of the HTTP request whatever the certificates' sizes; for a
 * plain TCP stream, every byte.
 */
export type FaultMode =
  /** A healthy network: bytes relayed as they come. */
  | 'pass'
  /**
   * The connection cut mid-upload (Wi-Fi gone, a NAT dropping the flow): after N bytes of the
   * client's application data reach the server, both sides get a TCP reset. The server saw a
   * partial body; the client gets ECONNRESET / EPIPE.
   */
  | { resetMidBody: number }
  /**
   * The answer lost after head office committed (the link dies just as the 2xx is sent): the
   * request reaches the server whole and the server's connection stays open so it finishes its work,
   * but the client connection is reset before a single byte of the response is relayed. The server
   * has the package; the branch only knows the attempt failed.
   */
  | 'dropResponse'
  /**
   * The answer held back once N bytes of the client's application data have passed (the request
   * that carries them went through whole): nothing more from the server reaches the client, and the
   * connection stays open — a branch killed while it waits never hears that head office committed.
   */
  | { holdResponseAfter: number }
  /** A long link (satellite, a congested VPN): each chunk, both ways, delivered `ms` later. */
  | { latency: number }
  /** A slow link (a branch on 2G): both directions limited to `bytesPerSecond`. */
  | { throttle: number }
  /**
   * Corruption on the wire: the byte at this application-data offset is inverted on its way to the
   * server. Under TLS the record's MAC then fails and the server aborts the connection: corruption
   * surfaces as a TLS error, never as silently different data.
   */
  | { flipByte: number }
  /**
   * The network is down (cable out, VPN down): each new connection is reset as soon as it is
   * accepted, and setting this mode resets the connections already open.
   */
  | 'refuse'
  /**
   * A firewall silently dropping packets: connections are accepted and nothing is ever answered
   * (new ones are never connected to the server; open ones stop relaying). Only a timeout ends it.
   */
  | 'blackhole';

export interface FaultProxy {
  /** Where the client connects instead of the target. */
  port: number;
  set(mode: FaultMode): void;
  readonly mode: FaultMode;
  /** Connections accepted since the proxy started. */
  readonly connections: number;
  /** Bytes received from and written to each side, summed over all connections. */
  readonly bytes: { fromClient: number; toServer: number; fromServer: number; toClient: number };
  /** New connections go to this port from now on (a server restarted, say from an older backup). */
  retarget(port: number): void;
  /** Ends every connection and stops listening. */
  close(): Promise<void>;
}

// TLS record content types (RFC 8446 §5.1).
const HANDSHAKE = 22;
const APPLICATION_DATA = 23;

// A TLS 1.3 client's last handshake record is its Finished: a 4-byte handshake header and the hash
// (32 bytes for SHA-256 suites, 48 for SHA-384), plus the inner content type and a 16-byte AEAD
// tag. No Certificate or CertificateVerify record has those lengths (an empty Certificate is 25, an
// ECDSA CertificateVerify about 96), so the length marks the end of the client's handshake.
const TLS13_FINISHED_RECORD_LENGTHS = new Set([4 + 32 + 17, 4 + 48 + 17]);

// How long a dropResponse connection holds the request back after a TLS 1.3 client's Finished,
// so that the server's NewSessionTickets (encrypted like the response) go through first: released
// once the server has been quiet for TICKET_QUIET_MS after sending, or after TICKET_WAIT_MS anyway.
const TICKET_QUIET_MS = 50;
const TICKET_WAIT_MS = 300;

// A lane holding more than this pauses its source (a throttled upload must not be read into memory).
const LANE_HIGH_WATER = 256 * 1024;

/** Follows TLS record boundaries through a byte stream that arrives in arbitrary chunks. */
class RecordScanner {
  private readonly header = Buffer.alloc(5);
  private headerFill = 0;
  private remaining = 0;
  private type = 0;
  private length = 0;

  constructor(
    private readonly on: {
      start(type: number, length: number): void;
      payload(type: number, start: number, end: number): void;
      end(type: number, length: number, position: number): void;
    },
  ) {}

  scan(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.remaining === 0) {
        const take = Math.min(5 - this.headerFill, chunk.length - i);
        chunk.copy(this.header, this.headerFill, i, i + take);
        this.headerFill += take;
        i += take;
        if (this.headerFill === 5) {
          this.headerFill = 0;
          this.type = this.header[0] ?? 0;
          this.length = this.header.readUInt16BE(3);
          this.remaining = this.length;
          this.on.start(this.type, this.length);
          if (this.length === 0) this.on.end(this.type, 0, i);
        }
      } else {
        const take = Math.min(this.remaining, chunk.length - i);
        this.on.payload(this.type, i, i + take);
        this.remaining -= take;
        i += take;
        if (this.remaining === 0) this.on.end(this.type, this.length, i);
      }
    }
  }
}

/**
 * One direction of a connection: chunks queued with the time they may be delivered, so latency and
 * throttling keep the byte order and can change while data is queued.
 */
class Lane {
  private readonly queue: { data: Buffer | 'end'; due: number }[] = [];
  private queuedBytes = 0;
  private lastDue = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: net.Socket,
    private readonly destination: net.Socket,
    private readonly written: (bytes: number) => void,
  ) {}

  push(data: Buffer, mode: FaultMode): void {
    const now = Date.now();
    if (typeof mode === 'object' && 'throttle' in mode) {
      // Pieces of 1/20 s each, so the rate is smooth at the scale of a test.
      const rate = Math.max(1, mode.throttle);
      const step = Math.max(1, Math.floor(rate / 20));
      let at = Math.max(this.lastDue, now);
      for (let offset = 0; offset < data.length; offset += step) {
        const piece = data.subarray(offset, offset + step);
        at += (piece.length / rate) * 1000;
        this.enqueue(piece, at);
      }
    } else {
      const delay = typeof mode === 'object' && 'latency' in mode ? mode.latency : 0;
      this.enqueue(data, now + delay);
    }
    if (this.queuedBytes > LANE_HIGH_WATER) this.source.pause();
    this.pump();
  }

  end(): void {
    this.queue.push({ data: 'end', due: this.lastDue });
    this.pump();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.queue.length = 0;
  }

  private enqueue(data: Buffer, due: number): void {
    this.lastDue = Math.max(this.lastDue, due);
    this.queue.push({ data, due: this.lastDue });
    this.queuedBytes += data.length;
  }

  private pump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const now = Date.now();
    while (this.queue.length > 0 && (this.queue[0]?.due ?? 0) <= now) {
      const item = this.queue.shift();
      if (!item || this.destination.destroyed) continue;
      if (item.data === 'end') {
        this.destination.end();
      } else {
        this.queuedBytes -= item.data.length;
        this.destination.write(item.data);
        this.written(item.data.length);
      }
    }
    if (this.queuedBytes <= LANE_HIGH_WATER && this.source.isPaused()) this.source.resume();
    const next = this.queue[0];
    if (next) this.timer = setTimeout(() => this.pump(), Math.max(0, next.due - now));
  }
}

function isMode<K extends string>(mode: FaultMode, key: K): mode is Extract<FaultMode, Record<K, number>> {
  return typeof mode === 'object' && key in mode;
}

/** Starts the proxy on 127.0.0.1 at a free port, relaying to targetHost:targetPort. */
export async function startFaultProxy(target: {
  targetHost: string;
  /** Changed by `retarget`. */
  targetPort: number;
}): Promise<FaultProxy> {
  let mode: FaultMode = 'pass';
  let connections = 0;
  const bytes = { fromClient: 0, toServer: 0, fromServer: 0, toClient: 0 };
  const open = new Set<net.Socket>();

  function track(socket: net.Socket): net.Socket {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    // Errors are the point here; each side's error is handled by ending the other side.
    socket.on('error', () => undefined);
    return socket;
  }

  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    connections += 1;
    track(client);
    if (mode === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    if (mode === 'blackhole') {
      client.on('data', (chunk: Buffer) => (bytes.fromClient += chunk.length));
      return;
    }
    relay(client);
  });

  function relay(client: net.Socket): void {
    const upstream = track(
      net.connect({ host: target.targetHost, port: target.targetPort, allowHalfOpen: true, noDelay: true }),
    );
    client.setNoDelay(true);
    const toServer = new Lane(client, upstream, (n) => (bytes.toServer += n));
    const toClient = new Lane(upstream, client, (n) => (bytes.toClient += n));

    // What the record scanners have learnt about this connection.
    let tls: boolean | undefined;
    let serverSentEncrypted = false; // a TLS 1.3 server encrypts its flight before the client does
    let clientHandshakeDone = false;
    let appOffset = 0; // client application-data bytes seen so far
    // dropResponse state: held request bytes (TLS 1.3 tickets window), and whether the next server
    // byte is the response.
    let held: Buffer[] | undefined;
    let holdTimers: NodeJS.Timeout[] = [];
    let responseIsNext = false;
    let dropped = false;

    // Per client chunk, filled by the scanner: where its application data lies, and where the TLS
    // 1.3 client's Finished record ended (if it did in this chunk).
    let appRanges: { start: number; end: number; offset: number }[] = [];
    let finishedEnd: number | undefined;
    const clientRecords = new RecordScanner({
      start(type) {
        if (type === APPLICATION_DATA && !clientHandshakeDone && !serverSentEncrypted)
          clientHandshakeDone = true;
      },
      payload(type, start, end) {
        if (type === APPLICATION_DATA && clientHandshakeDone) {
          appRanges.push({ start, end, offset: appOffset });
          appOffset += end - start;
        }
      },
      end(type, length, position) {
        if (type === APPLICATION_DATA && !clientHandshakeDone && TLS13_FINISHED_RECORD_LENGTHS.has(length)) {
          clientHandshakeDone = true;
          finishedEnd = position;
        }
      },
    });
    const serverRecords = new RecordScanner({
      start(type) {
        if (type === APPLICATION_DATA && !clientHandshakeDone) serverSentEncrypted = true;
      },
      payload: () => undefined,
      end: () => undefined,
    });

    /** An answer is being held back (`holdResponseAfter`): the client hears nothing more. */
    let holding = false;

    function reset(): void {
      toServer.stop();
      toClient.stop();
      client.resetAndDestroy();
      upstream.resetAndDestroy();
    }

    function release(): void {
      holdTimers.forEach(clearTimeout);
      holdTimers = [];
      const chunks = held ?? [];
      held = undefined;
      for (const chunk of chunks) forwardToServer(chunk);
    }

    function forwardToServer(data: Buffer, carriesRequest = true): void {
      if (data.length === 0) return;
      if (held) {
        held.push(data);
        return;
      }
      if (carriesRequest && mode === 'dropResponse') responseIsNext = true;
      toServer.push(data, mode);
    }

    client.on('data', (chunk: Buffer) => {
      bytes.fromClient += chunk.length;
      if (mode === 'refuse') return reset();
      if (mode === 'blackhole' || dropped) return;
      tls ??= chunk[0] === HANDSHAKE;
      appRanges = [];
      finishedEnd = undefined;
      const before = appOffset;
      if (tls) {
        clientRecords.scan(chunk);
      } else {
        clientHandshakeDone = true;
        appRanges = [{ start: 0, end: chunk.length, offset: appOffset }];
        appOffset += chunk.length;
      }
      // Position in this chunk of application-data byte `offset`, if the chunk carries it.
      const positionOf = (offset: number): number | undefined => {
        const range = appRanges.find((r) => offset >= r.offset && offset < r.offset + (r.end - r.start));
        return range ? range.start + (offset - range.offset) : undefined;
      };
      let data = chunk;

      if (isMode(mode, 'resetMidBody')) {
        const limit = mode.resetMidBody;
        if (appOffset >= limit) {
          const cut = appOffset === limit ? chunk.length : (positionOf(limit) ?? 0);
          toServer.push(chunk.subarray(0, cut), 'pass');
          // The bytes before the cut reach the server, then the connection is torn down.
          setImmediate(reset);
          return;
        }
      }
      if (isMode(mode, 'flipByte')) {
        const position = positionOf(mode.flipByte);
        if (position !== undefined) {
          data = Buffer.from(chunk);
          data[position] = (data[position] ?? 0) ^ 0xff;
        }
      }
      if (mode === 'dropResponse' && finishedEnd !== undefined) {
        // TLS 1.3: what follows the client's Finished waits until the server's session tickets are
        // through, so that the first encrypted bytes the server sends after it are the response.
        forwardToServer(data.subarray(0, finishedEnd), false);
        held = [data.subarray(finishedEnd)];
        holdTimers = [setTimeout(release, TICKET_WAIT_MS)];
        return;
      }
      forwardToServer(data, appOffset > before);
    });

    upstream.on('data', (chunk: Buffer) => {
      bytes.fromServer += chunk.length;
      if (dropped) return; // the server finishes its answer into the void
      if (mode === 'blackhole') return;
      if (isMode(mode, 'holdResponseAfter') && appOffset > mode.holdResponseAfter) {
        holding = true;
        return;
      }
      if (tls) serverRecords.scan(chunk);
      if (held) {
        // Session tickets while the request is held back: relayed; the request follows once quiet.
        holdTimers.forEach(clearTimeout);
        holdTimers = [setTimeout(release, TICKET_QUIET_MS)];
        toClient.push(chunk, mode);
        return;
      }
      if (mode === 'dropResponse' && responseIsNext) {
        dropped = true;
        toClient.stop();
        client.resetAndDestroy();
        return;
      }
      toClient.push(chunk, mode);
    });

    client.on('end', () => {
      if (held) release();
      toServer.end();
    });
    upstream.on('end', () => {
      if (dropped) upstream.end();
      else if (!holding) toClient.end(); // a held answer's end is held too: the client just waits
    });
    client.on('close', (hadError) => {
      if (hadError && !dropped) upstream.resetAndDestroy();
    });
    upstream.on('close', (hadError) => {
      holdTimers.forEach(clearTimeout);
      if (hadError && !client.destroyed && !holding) client.resetAndDestroy();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });

  return {
    port: (server.address() as AddressInfo).port,
    set(next) {
      mode = next;
      if (next === 'refuse') for (const socket of open) socket.resetAndDestroy();
    },
    get mode() {
      return mode;
    },
    retarget(port: number) {
      target.targetPort = port;
    },
    get connections() {
      return connections;
    },
    get bytes() {
      return { ...bytes };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
