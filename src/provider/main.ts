// The amazonads provider program: Terraform runs it (bundled, behind a shim) and talks to it over
// the plugin protocol. Kept tiny and free of top-level await so any bundle format works.
import { serve } from "../plugin/index.js";
import { createAmazonAdsProvider } from "./provider.js";

void serve(createAmazonAdsProvider());
