// Who may do what: the one table every route and page consults. The README
// prints the same table; change both together.
export const ROLES = ['viewer', 'responder', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  'incident.read': ['viewer', 'responder', 'approver', 'admin'],
  /** Recipients, the outbox and the dev mailbox: data subjects' contact data. */
  'contacts.read': ['responder', 'approver', 'admin'],
  'incident.open': ['responder', 'approver', 'admin'],
  'incident.triage': ['responder', 'approver', 'admin'],
  'incident.assess': ['responder', 'approver', 'admin'],
  'subjects.import': ['responder', 'approver', 'admin'],
  'hold.place': ['responder', 'approver', 'admin'],
  'incident.dismiss': ['approver', 'admin'],
  'hold.release': ['approver', 'admin'],
  'notices.approve': ['approver', 'admin'],
  'filing.record': ['approver', 'admin'],
  /** Prepare letters, download their batches (names and addresses), record them as mailed. */
  'letters.send': ['approver', 'admin'],
  'report.supplement': ['approver', 'admin'],
  'incident.close': ['approver', 'admin'],
  'incident.recompute': ['approver', 'admin'],
  'awareness.change': ['approver', 'admin'],
  'incident.restrict': ['approver', 'admin'],
  'register.export': ['viewer', 'responder', 'approver', 'admin'],
  'account.self': ['viewer', 'responder', 'approver', 'admin'],
  'users.manage': ['admin'],
  'tokens.manage': ['admin'],
  'webhooks.manage': ['admin'],
  'settings.manage': ['admin'],
  /** Legal holds on contact data, and its purge before the retention period ends. */
  'retention.manage': ['approver', 'admin'],
  /** The codec endpoint: the Temporal Web UI shows an admin decrypted history payloads. */
  'payloads.decode': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Every permission as a boolean for one role, for templates. */
export function permissionsOf(role: Role): Record<Permission, boolean> {
  return Object.fromEntries(Object.keys(PERMISSIONS).map((p) => [p, can(role, p as Permission)])) as Record<
    Permission,
    boolean
  >;
}

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}
