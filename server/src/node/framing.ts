/**
 * Message framing on stdio, kept in step whatever arrives. The protocol's reader trusts every
 * header: one without `Content-Length` (or with a wild one) leaves it reading the rest of the stream
 * out of step, deaf to every later message. This guard passes well-formed frames through unchanged
 * and skips anything else to the next `Content-Length` header.
 */
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /^content-length:[ \t]*(\d{1,10})[ \t]*$/im;
/** A header block: `Name: value` lines only. */
const HEADER_LINES = /^[A-Za-z][\w-]*:[^\r\n]*(?:\r\n[A-Za-z][\w-]*:[^\r\n]*)*$/;
/** Larger messages are not ones an editor sends: the header is taken for garbage. */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** A header never gets this long; input that does without ending its header is dropped. */
const MAX_HEADER_BYTES = 16 * 1024;

/** The next `Content-Length:` (any case) at or after `from`, or -1. */
function nextContentLength(buffer: Buffer, from: number): number {
  const lower = buffer.toString('latin1').toLowerCase();
  return lower.indexOf('content-length:', from);
}

export class FrameGuard extends Transform {
  private buffer: Buffer = Buffer.alloc(0);

  /** @param onDropped told how many bytes of malformed input were skipped */
  constructor(private readonly onDropped: (bytes: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.skip(this.resumeAt(1, this.buffer.length));
        break;
      }
      const header = this.buffer.subarray(0, headerEnd).toString('latin1');
      const match = HEADER_LINES.test(header) ? CONTENT_LENGTH.exec(header) : null;
      const length = match ? Number(match[1]) : NaN;
      if (!match || !(length <= MAX_MESSAGE_BYTES)) {
        // Not a frame that starts here: resume at the next header, or after this one.
        this.skip(this.resumeAt(1, headerEnd + HEADER_END.length));
        continue;
      }
      const frameEnd = headerEnd + HEADER_END.length + length;
      if (this.buffer.length < frameEnd) break;
      this.push(this.buffer.subarray(0, frameEnd));
      this.buffer = this.buffer.subarray(frameEnd);
    }
    done();
  }

  /** Where reading resumes after malformed input: the next `Content-Length` header after `from`, else `fallback`. */
  private resumeAt(from: number, fallback: number): number {
    const next = nextContentLength(this.buffer, from);
    return next > 0 ? next : fallback;
  }

  private skip(bytes: number): void {
    this.buffer = this.buffer.subarray(bytes);
    this.onDropped(bytes);
  }
}
