// Prints, as Markdown, every catalog fact not checked against the law's text, by regime.
import { unconfirmedCatalogFacts } from '../rules/unconfirmed';

const byRegime = unconfirmedCatalogFacts();
let n = 0;
for (const list of byRegime.values()) n += list.length;
console.log(`${n} unconfirmed facts in ${byRegime.size} regimes\n`);
for (const [regime, list] of byRegime) {
  console.log(`- \`${regime}\``);
  for (const f of list) console.log(`  - ${f.fact} (${f.url})`);
}
