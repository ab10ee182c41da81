import { describe, expect, it } from 'vitest';
import { factsSchema } from '../../rules';
import { evaluateState } from '../../rules/regimes/us-states';
import type { StateLaw } from '../../rules/regimes/us-states/index';
import { BASE } from './helpers';

// The state entry's statute fields (issue 13) as the evaluator uses them, on a made-up law so that the
// checks do not move when a real state's entry is corrected.

const LAW: StateLaw = {
  code: 'TX',
  citation: 'Test Code § 1',
  url: 'https://example.org/statute',
  zone: 'America/Chicago',
  extra: ['government_id'],
  notBaseline: ['drivers_license'],
  alone: ['account_credentials'],
  encryption: { keyException: false },
  harm: true,
  harmTest: 'no reasonable likelihood of financial harm',
  individuals: { days: 45, from: 'discovery' },
  regulators: [],
  substitute: {
    costOver: 250_000,
    peopleOver: 500_000,
    noContact: true,
    means: 'email, a conspicuous website posting and statewide media',
    section: 'Test Code § 1(e)',
  },
  individualContent: ['nature', 'regulator_contacts', 'security_freeze'],
  contentSection: 'Test Code § 1(d)',
  checked: [
    {
      fact: 'personal information: name with SSN or other ID (§ 1(a))',
      url: 'https://example.org/a',
      audience: 'definition',
    },
    { fact: 'individuals within 45 days of discovery (§ 1(b))', url: 'https://example.org/b', audience: 'individuals' },
  ],
};
const facts = (over: object) => factsSchema.parse({ ...BASE, affected: { 'US-TX': 10 }, ...over });
const residents = (over: object) => evaluateState(LAW, facts(over)).find((o) => o.audience === 'individuals')!;

describe('state entry fields', () => {
  it('counts the extra elements with a name, not the baseline ones the statute leaves out', () => {
    expect(residents({ dataElements: ['name', 'government_id'] }).required).toBe(true);
    expect(residents({ dataElements: ['name', 'drivers_license'] }).required).toBe(false);
    expect(residents({ dataElements: ['account_credentials'] }).required).toBe(true);
  });

  it('a statute without the key exception: compromised key still means notice, and the why says it is our reading', () => {
    const o = residents({ encrypted: true, keyCompromised: true });
    expect(o.required).toBe(true);
    expect(o.why).toMatch(/does not mention the key/);
    expect(residents({ encrypted: true, keyCompromised: false }).required).toBe(false);
  });

  it("the harm exemption quotes the statute's test", () => {
    const o = residents({ riskLevel: 'none' });
    expect(o.required).toBe(false);
    expect(o.why).toContain('no reasonable likelihood of financial harm');
  });

  it('substitute notice conditions travel on the obligation and in its why', () => {
    const o = residents({});
    expect(o.substituteNotice).toEqual({
      costOver: 250_000,
      peopleOver: 500_000,
      noContact: true,
      means: 'email, a conspicuous website posting and statewide media',
      basis: 'Test Code § 1(e)',
    });
    expect(o.why).toContain('more than $250,000');
    expect(residents({ riskLevel: 'none' }).substituteNotice).toBeUndefined();
  });

  it('the content the statute prescribes replaces the recommended list and names its section', () => {
    const o = residents({});
    expect(o.content).toEqual(['nature', 'regulator_contacts', 'security_freeze']);
    expect(o.why).toContain('Test Code § 1(d) prescribes');
  });

  it('a checked definition is a confirmed source; each part no checked fact names stays unconfirmed', () => {
    const o = residents({});
    expect(o.sources?.filter((s) => s.confirmed).map((s) => s.fact)).toEqual([
      'individuals within 45 days of discovery (§ 1(b))',
      'personal information: name with SSN or other ID (§ 1(a))',
    ]);
    // The checked deadline does not vouch for the harm test, the safe harbour, substitute notice or content.
    expect(o.unconfirmedFacts).toEqual([
      'TX: risk-of-harm exemption: yes (no reasonable likelihood of financial harm)',
      'TX: encryption safe harbour (the statute does not mention the key)',
      expect.stringMatching(/^TX: substitute notice when individual notice would cost more than \$250,000/),
      'TX: what the notice must contain (Test Code § 1(d))',
    ]);
  });

  it('a part is confirmed only by a checked fact naming it, with its number', () => {
    const checked = (facts: string[]) =>
      evaluateState(
        {
          ...LAW,
          checked: facts.map((fact) => ({ fact, url: 'https://example.org', audience: 'individuals' as const })),
        },
        facts_(),
      ).find((o) => o.audience === 'individuals')!.unconfirmedFacts ?? [];
    const facts_ = () => facts({});
    // 30 days does not confirm a 45-day deadline.
    expect(checked(['individuals within 30 days of discovery (§ 1(b))'])).toContain(
      'TX: individuals within 45 calendar days of discovery, and without unreasonable delay',
    );
    expect(
      checked([
        'individuals within 45 days of discovery (§ 1(b))',
        'no notice when there is no reasonable likelihood of financial harm (§ 1(c))',
        'data encrypted is not personal information (§ 1(a))',
        'substitute notice by email, website and media when cost exceeds $250,000 (§ 1(e))',
        'the notice shall include the contact details of the FTC (§ 1(d))',
      ]),
    ).toEqual(['TX: the list of covered data elements']);
  });
});
