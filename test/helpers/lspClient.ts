// A small JSON-RPC client for the language server tests: starts `node dist/cli.mjs lsp --stdio`, frames
// and parses messages itself (Content-Length headers), and keeps every byte of stdout accounted for, so a
// test can assert that the server printed nothing that is not a protocol message.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

export interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: any;
  result?: any;
  error?: { code: number; message: string };
}

const repo = join(import.meta.dirname, '../..');

export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  /** Every message the server sent, in order. */
  readonly received: Message[] = [];
  /** Bytes on stdout that were not part of a well-formed message (must stay empty). */
  readonly junk: string[] = [];
  stderr = '';
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private waiters: { test: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(args: string[] = ['lsp', '--stdio'], cwd = repo) {
    this.process = spawn(process.execPath, [join(repo, 'dist/cli.mjs'), ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
  }

  request(method: string, params: unknown): Promise<Message> {
    const id = this.nextId++;
    const answer = new Promise<Message>((resolve) => this.pending.set(id, resolve));
    this.send({ jsonrpc: '2.0', id, method, params });
    return answer;
  }

  notify(method: string, params?: unknown): void {
    this.send({ jsonrpc: '2.0', method, ...(params === undefined ? {} : { params }) });
  }

  /** The first message from now on (or already received, with `past`) that passes the test. */
  waitFor(test: (m: Message) => boolean, past = false): Promise<Message> {
    if (past) {
      const seen = this.received.find(test);
      if (seen) return Promise.resolve(seen);
    }
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  /** The next publishDiagnostics for a document (optionally for one version). */
  diagnostics(uri: string, version?: number): Promise<Message> {
    return this.waitFor(
      (m) =>
        m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version),
    );
  }

  async initialize(
    rootUri: string | null,
    initializationOptions: unknown = { debounceMs: 0 },
    capabilities: unknown = {},
  ): Promise<Message> {
    const answer = await this.request('initialize', {
      processId: process.pid,
      rootUri,
      capabilities,
      initializationOptions,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
    });
    this.notify('initialized', {});
    return answer;
  }

  async shutdown(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    await this.request('shutdown', null);
    this.notify('exit');
    return this.exited;
  }

  kill(): void {
    if (this.process.exitCode === null) this.process.kill();
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) {
        // Anything but the start of a header is junk.
        const head = this.buffer.toString('utf8', 0, Math.min(this.buffer.length, 8));
        if (!'Content-'.startsWith(head)) {
          this.junk.push(this.buffer.toString('utf8'));
          this.buffer = Buffer.alloc(0);
        }
        return;
      }
      const header = this.buffer.toString('utf8', 0, headerEnd);
      const length = /^Content-Length: (\d+)$/im.exec(header);
      if (!length || !/^(Content-Length|Content-Type): [^\r\n]*(\r\n(Content-Length|Content-Type): [^\r\n]*)*$/.test(header)) {
        this.junk.push(header);
        this.buffer = this.buffer.subarray(headerEnd + 4);
        continue;
      }
      const size = Number(length[1]);
      if (this.buffer.length < headerEnd + 4 + size) return;
      const body = this.buffer.toString('utf8', headerEnd + 4, headerEnd + 4 + size);
      this.buffer = this.buffer.subarray(headerEnd + 4 + size);
      let message: Message;
      try {
        message = JSON.parse(body) as Message;
      } catch {
        this.junk.push(body);
        continue;
      }
      this.handle(message);
    }
  }

  private handle(message: Message): void {
    this.received.push(message);
    if (message.id !== undefined && message.method === undefined) {
      this.pending.get(message.id as number)?.(message);
      this.pending.delete(message.id as number);
      return;
    }
    if (message.id !== undefined && message.method) {
      // A request from the server (registerCapability, workspace/configuration…): answer as a plain client would.
      this.send({
        jsonrpc: '2.0',
        id: message.id,
        result: message.method === 'workspace/configuration' ? (message.params?.items ?? []).map(() => null) : null,
      });
    }
    const still: typeof this.waiters = [];
    for (const w of this.waiters) {
      if (w.test(message)) w.resolve(message);
      else still.push(w);
    }
    this.waiters = still;
  }
}
