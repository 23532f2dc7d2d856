// Who can do what on the hub.
import { z } from 'zod';

export const ROLES = ['office', 'lead', 'inspector'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);
