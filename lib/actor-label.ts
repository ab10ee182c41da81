// How an actor on the audit chain ("kind:id") reads to a person: a name for people, a
// phrase for the system. The report built from it goes to a regulator, who should read
// "Dana Reyes", not "user:usr_01M…"; the id stays on the chain and in the page's tooltip.

/** `names` maps an actor to the person behind it and, for a token without one, the token's name. */
export function actorLabel(actor: string, names: ReadonlyMap<string, { person?: string; token?: string }>): string {
  const i = actor.indexOf(':');
  const kind = i < 0 ? actor : actor.slice(0, i);
  const id = i < 0 ? '' : actor.slice(i + 1);
  const known = names.get(actor);
  switch (kind) {
    case 'user':
      return known?.person ?? 'a former user';
    case 'token':
      if (known?.person) return `${known.person} (API token)`;
      return known?.token ? `API token "${known.token}"` : 'an API token';
    case 'system':
      // `system:cli:<account>` is a person at a shell (an import, a purge): say who.
      return id.startsWith('cli:') ? `command line (${id.slice(4)})` : 'Breachline (automatic)';
    case 'webhook':
      return `alert source "${id}"`;
    default:
      return actor;
  }
}
