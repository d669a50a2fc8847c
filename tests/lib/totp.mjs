// RFC 6238 codes for the tests (HMAC-SHA-1, 30-second steps, 6 digits), so administrators, whose
// accounts always have a second factor, can sign in from a test like from an authenticator app.

import crypto from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(text) {
  let bits = 0;
  let value = 0;
  const out = [];
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The 6-digit code of `step` (a 30-second step number) for a base32 secret. */
export function totpCode(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = crypto.createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(number).padStart(6, '0');
}

const lastStep = new Map();

/**
 * A code the server will take for a new sign-in: each code opens one session, so a second sign-in
 * within the same 30 seconds uses the next step (the server allows one step of drift), and waits
 * for the clock when even that is used.
 */
export async function nextTotpCode(secret) {
  for (;;) {
    const now = Math.floor(Date.now() / 1000 / 30);
    const step = Math.max(now, (lastStep.get(secret) ?? -1) + 1);
    if (step <= now + 1) {
      lastStep.set(secret, step);
      return totpCode(secret, step);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** The base32 secret printed by `caseboard user add` for an administrator. */
export function secretFromUserAdd(stdout) {
  const match = /secret: ([A-Z2-7]+)/.exec(stdout);
  return match ? match[1] : null;
}
