/**
 * The in-process setting of the `amazonads_profile_set` tests: the real emulator and the provider
 * driven as Terraform would, with the marketplace seller's and the demo advertiser's grants, and
 * every request the emulator saw.
 */
import { MARKETPLACE_SELLER_USER_ID, type EmulatorLogEntry } from "../../../src/emulator/index.js";
import { emulated, type Emulated } from "../support/emulated.js";

/** What each test starts from. */
export interface ProfileSetSetting {
  readonly e: Emulated;
  /** Every request the emulator logged, oldest first. */
  readonly requests: EmulatorLogEntry[];
  /** A refresh token of the seller in nine marketplaces. */
  readonly seller: string;
  /** A refresh token of the demo advertiser. */
  readonly demo: string;
}

/** A fresh emulator and provider, and the two grants. */
export async function profileSetSetting(): Promise<ProfileSetSetting> {
  const requests: EmulatorLogEntry[] = [];
  const e = await emulated({ log: (entry) => void requests.push(entry) });
  const seller = e.emulator.admin.issueRefreshToken({ userId: MARKETPLACE_SELLER_USER_ID });
  const demo = e.emulator.admin.issueRefreshToken();
  return { e, requests, seller: seller.refreshToken, demo: demo.refreshToken };
}
