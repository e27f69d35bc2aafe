import { z } from "zod";

/**
 * Zod compiles object parsers with `new Function` unless told not to, and probes for it when a
 * schema is defined. The server's Content-Security-Policy forbids eval, so this module is
 * imported before any schema exists.
 */
z.config({ jitless: true });
