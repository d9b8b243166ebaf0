import { z } from 'zod';

/** Long poll: hold the request up to `wait` seconds until a version newer than If-None-Match. */
export const ZAgentConfigQuery = z.object({
  wait: z.coerce.number().int().min(0).max(60).optional(),
});
export type TAgentConfigQuery = z.infer<typeof ZAgentConfigQuery>;
