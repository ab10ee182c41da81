import type { Facts } from '../facts';
import type { Obligation, RegimeInfo } from '../types';
import { buildObligation, count, inForce } from '../obligation';

// China: PIPL Art. 57 (personal information) and the CAC's Measures for the
// Administration of National Cybersecurity Incident Reporting (hour-scale reports).

const PIPL_URL = 'http://www.npc.gov.cn/npc/c30834/202108/a8c4e3672c74491a80b53a172bb753fe.shtml';
const CAC_URL = 'http://www.qdubb.cn/html/2025/yunlingyaowen_0916/141638.html';
const CAC_GRADES_URL = 'https://wlzx.gzy.edu.cn/info/1098/1576.htm';
const ZONE = 'Asia/Shanghai';

// The report to the authorities is in Chinese: the header's names, bases and deadlines as they read them.
const CN_REPORT_TEXTS: Readonly<Record<string, string>> = {
  'China Personal Information Protection Law': '《中华人民共和国个人信息保护法》',
  'CAC Measures for the Administration of National Cybersecurity Incident Reporting':
    '《国家网络安全事件报告管理办法》',
  'Departments performing personal information protection duties (Cyberspace Administration of China and the sector regulator)':
    '履行个人信息保护职责的部门（国家网信部门及有关主管部门）',
  'Protection department of the critical information infrastructure and the public security organ':
    '关键信息基础设施保护工作部门和公安机关',
  'Provincial cyberspace administration (属地省级网信部门)': '属地省级网信部门',
  'PIPL Art. 57(1)': '《个人信息保护法》第五十七条第一款',
  'Measures for National Cybersecurity Incident Reporting, Art. 4': '《国家网络安全事件报告管理办法》第四条',
  immediately: '立即',
  '1 hour from discovery': '发现后1小时内',
  '4 hours from discovery': '发现后4小时内',
};

export const CN_PIPL: RegimeInfo = {
  id: 'cn-pipl',
  name: 'China Personal Information Protection Law',
  citation: 'PIPL Art. 57',
  sourceUrl: PIPL_URL,
  commencement: '2021-11-01',
  // Chinese is the language of the authorities (the CAC and the sector regulators take reports in it).
  reportLanguage: 'zh-CN',
  reportTexts: CN_REPORT_TEXTS,
};
export const CN_CAC: RegimeInfo = {
  id: 'cn-cac',
  name: 'CAC Measures for the Administration of National Cybersecurity Incident Reporting',
  citation: '国家网络安全事件报告管理办法 Art. 4 and annex (网络安全事件分级指南)',
  sourceUrl: CAC_URL,
  commencement: '2025-11-01',
  reportLanguage: 'zh-CN',
  reportTexts: CN_REPORT_TEXTS,
};

const PIPL_CONTENT = [
  'categories_of_data',
  'nature',
  'likely_consequences',
  'measures_taken',
  'steps_for_individuals',
  'contact_point',
];

const inChina = (code: string): boolean => code === 'CN';

export function evaluatePipl(f: Facts): Obligation[] {
  const people = count(f, inChina);
  if (people === 0 || !inForce(f, CN_PIPL, ZONE)) return [];
  const immediately = {
    period: { unit: 'none' } as const,
    from: { kind: 'awareness' } as const,
    zone: ZONE,
    text: 'immediately',
  };
  const scope = `${people} affected people in mainland China.`;
  if (f.role === 'processor') {
    return [
      buildObligation(f, {
        regime: CN_PIPL,
        audience: 'controller',
        recipientKey: 'controller',
        recipient: 'The personal information handler that entrusted the processing',
        required: true,
        deadline: immediately,
        basis: 'PIPL Arts. 21, 57, 59',
        why: [
          scope,
          'We are an entrusted party: Art. 57 notice to the authorities and individuals is the handler’s duty; the entrusted party must take measures to secure the data and assist the handler (Art. 59), which in practice means telling the handler at once.',
        ],
        content: PIPL_CONTENT,
        hold: null,
        sources: [
          {
            fact: 'entrusted party must inform the handler immediately (inferred from Arts. 21 and 59; the PIPL sets no express deadline)',
            url: PIPL_URL,
            confirmed: false,
          },
        ],
      }),
    ];
  }
  const sources = [
    {
      fact: 'notify the PI protection departments and individuals immediately; individuals may be skipped where measures effectively avoid harm unless the department requires it (Art. 57)',
      url: PIPL_URL,
      confirmed: true,
    },
  ];
  const skip = f.riskLevel === 'none';
  return [
    buildObligation(f, {
      regime: CN_PIPL,
      audience: 'regulator',
      recipientKey: 'cac',
      recipient:
        'Departments performing personal information protection duties (Cyberspace Administration of China and the sector regulator)',
      required: true,
      deadline: immediately,
      basis: 'PIPL Art. 57(1)',
      why: [
        scope,
        'A leak, alteration or loss of personal information (or its possibility) must be reported to the departments immediately, with remedial measures; the PIPL sets no risk threshold and no numeric limit (see cn-cac for the hour-scale reporting of larger incidents).',
      ],
      content: PIPL_CONTENT,
      hold: null,
      sources,
    }),
    buildObligation(f, {
      regime: CN_PIPL,
      audience: 'individuals',
      recipientKey: 'individuals',
      recipient: 'Affected individuals',
      required: !skip,
      deadline: immediately,
      basis: skip ? 'PIPL Art. 57(2)' : 'PIPL Art. 57(1)',
      why: [
        scope,
        skip
          ? "Risk assessed as 'none': the measures taken effectively avoid harm, so Art. 57(2) lets the handler not notify individuals — unless the departments, believing harm may result, require it."
          : `Risk assessed as '${f.riskLevel}': notify individuals immediately. Encryption alone is not an exemption under the PIPL; only measures that effectively avoid harm are.`,
      ],
      content: PIPL_CONTENT,
      hold: null,
      sources,
    }),
  ];
}

/** Grades of the annex that turn on numbers of people whose personal information leaked. */
const GRADES = [
  { min: 100_000_000, name: '特别重大 (particularly major)', confirmed: true },
  { min: 10_000_000, name: '重大 (major)', confirmed: false },
  { min: 1_000_000, name: '较大 (relatively major)', confirmed: false },
];

export function evaluateCac(f: Facts): Obligation[] {
  const people = count(f, inChina);
  const cii = f.sectors.includes('cii-operator');
  if ((people === 0 && !(cii && f.establishments.main === 'CN')) || !inForce(f, CN_CAC, ZONE)) return [];
  const grade = GRADES.find((g) => people >= g.min);
  const hours = cii ? 1 : 4;
  const recipient = cii
    ? 'Protection department of the critical information infrastructure and the public security organ'
    : 'Provincial cyberspace administration (属地省级网信部门)';
  return [
    buildObligation(f, {
      regime: CN_CAC,
      audience: 'regulator',
      recipientKey: cii ? 'cii-protection-department' : 'provincial-cac',
      recipient,
      required: grade !== undefined,
      deadline: {
        period: { unit: 'hours', n: hours },
        from: { kind: 'discovery' },
        zone: ZONE,
        text: `${hours} hour${hours > 1 ? 's' : ''} from discovery`,
      },
      basis: 'Measures for National Cybersecurity Incident Reporting, Art. 4',
      why: [
        `${people} people in mainland China.`,
        grade
          ? `A leak of the personal information of ${people} people grades the incident at least ${grade.name} under the annex, so it must be reported: ${cii ? 'a CII operator reports at once and at the latest within 1 hour' : 'the operator reports at once and at the latest within 4 hours'}.`
          : 'Below 1,000,000 people the annex’s personal-information criterion does not reach the 较大 grade, so no report is required on that ground; other criteria (service outage, important data, economic loss) are not modelled here and may still require one.',
        'A final summary report after handling ends is not modelled.',
      ],
      content: [
        'entity_contacts',
        'incident_type',
        'occurred_at',
        'discovered_at',
        'nature',
        'severity_and_impact',
        'measures_taken',
        'root_cause',
        'measures_proposed',
      ],
      hold: null,
      sources: [
        {
          fact: 'CII operators report within 1 hour, other operators within 4 hours, for 较大 or higher incidents (Art. 4)',
          url: CAC_URL,
          confirmed: true,
        },
        { fact: 'in force from 2025-11-01', url: CAC_URL, confirmed: true },
        {
          fact: 'leak of personal information of 100 million people or more is 特别重大',
          url: CAC_GRADES_URL,
          confirmed: true,
        },
        { fact: 'thresholds of 10 million (重大) and 1 million (较大) people', url: CAC_GRADES_URL, confirmed: false },
      ],
    }),
  ];
}
