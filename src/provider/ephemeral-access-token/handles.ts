/**
 * The grants behind the access tokens the ephemeral resource opened in this process, by opaque
 * handle. Terraform keeps an ephemeral resource's private bytes and may log them, so they carry
 * only a random handle into this table, never the refresh token.
 */
import type { Region } from "../../amazon-ads/index.js";

/** The grant an open access token belongs to. */
export interface OpenedGrant {
  /** The grant's refresh token (secret). */
  readonly refreshToken: string;
  /** The region whose client opened it. */
  readonly region: Region;
}

/** Open access tokens of this provider process. */
export class AccessTokenHandles {
  private readonly open = new Map<string, OpenedGrant>();

  constructor(private readonly randomBytes: (size: number) => Uint8Array) {}

  /** Remembers `grant` and returns its handle (the private bytes to give Terraform). */
  add(grant: OpenedGrant): Uint8Array {
    const handle = Buffer.from(this.randomBytes(16)).toString("hex");
    this.open.set(handle, grant);
    return new TextEncoder().encode(handle);
  }

  /** The grant of a handle, or undefined when this process never opened it (or closed it). */
  find(handle: Uint8Array | undefined): OpenedGrant | undefined {
    return handle ? this.open.get(new TextDecoder().decode(handle)) : undefined;
  }

  /** Forgets a handle; true when it was open. */
  remove(handle: Uint8Array | undefined): boolean {
    return handle ? this.open.delete(new TextDecoder().decode(handle)) : false;
  }

  /** How many tokens are open (for logs and tests). */
  get size(): number {
    return this.open.size;
  }
}
