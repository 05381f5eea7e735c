import { z } from 'zod';

/**
 * Chinese default messages for zod issues that a schema did not word itself (contract: "error.message is always a
 * Chinese sentence"). zod's config is global to the zod instance, so this also covers the domain's schemas.
 */
z.config(z.locales.zhCN());
