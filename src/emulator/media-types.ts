/**
 * Content negotiation of the Ads API's versioned media types (`application/vnd.….v1+json`): what
 * a request's `Content-Type` names, and whether its `Accept` admits a type.
 */

/** The media type of a `Content-Type` value, lower-cased and without parameters. */
export function mediaTypeOf(value: string | undefined): string | undefined {
  const type = value?.split(";")[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

/**
 * Whether an `Accept` header admits `type`: no header, `*\/*`, `application/*` or the type itself
 * (a range with `q=0` refuses).
 */
export function accepts(accept: string | undefined, type: string): boolean {
  if (accept === undefined || accept.trim() === "") return true;
  const [major] = type.split("/");
  return accept.split(",").some((range) => {
    const [name, ...params] = range.split(";").map((part) => part.trim().toLowerCase());
    if (params.some((p) => /^q=0(\.0*)?$/.test(p))) return false;
    return name === "*/*" || name === `${major}/*` || name === type;
  });
}
