// SHA-256 of a large file (a photo, a ledger, a case file's blob) off the window's thread: the window's own
// hash is JavaScript (@noble/hashes, about 120 MB/s here), so 100 MB would hold it for most of a second.
import { chunkedSha256, type HashProgress } from './chunkedSha256';
import { serveTask } from './serve';

// Bytes arrive by structured clone or transfer, so always over a plain ArrayBuffer.
serveTask<Uint8Array<ArrayBuffer>, HashProgress, string>((bytes, { progress }) => chunkedSha256(bytes, progress));
