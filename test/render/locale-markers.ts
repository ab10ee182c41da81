import type { Locale } from '../../activities/render';

/**
 * What a reader of each locale must find in a person-facing notice rendered
 * from the built-in texts: the section headings (in the order of the en
 * notice), and a phrase from each promise kept by the defaults and the data
 * element texts of the fixture incident.
 */
export interface LocaleMarkers {
  /** what happened, information involved, impact, done, next, you can do, rights and remedies, contact */
  headings: readonly string[];
  /** From the built-in "what happened". */
  aware: string;
  /** The payment card risk. */
  cardRisk: string;
  /** The account credentials advice. */
  changePassword: string;
  /** The right to complain to a supervisory authority. */
  complaint: string;
  /** The greeting once a person without a name has had the neutral word put in. */
  neutralGreeting: string;
  /** The public notice's publication line. */
  published: string;
}

export const MARKERS: Record<Locale, LocaleMarkers> = {
  en: {
    headings: [
      'What happened',
      'What information was involved',
      'What this may mean for you',
      'What we have done',
      'What we will do next',
      'What you can do',
      'Your rights and remedies',
      'Contact us',
    ],
    aware: 'we became aware of a security incident',
    cardRisk: 'Someone could make unauthorised purchases with your card.',
    changePassword: 'Change your password now',
    complaint: 'lodge a complaint with a data protection supervisory authority',
    neutralGreeting: 'Dear customer,',
    published: 'Published',
  },
  de: {
    headings: [
      'Was ist geschehen?',
      'Welche Daten sind betroffen?',
      'Was das für Sie bedeuten kann',
      'Was wir unternommen haben',
      'Was wir als Nächstes tun',
      'Was Sie tun können',
      'Ihre Rechte und Rechtsbehelfe',
      'Kontakt',
    ],
    aware: 'haben wir von einem Sicherheitsvorfall erfahren',
    cardRisk: 'Jemand könnte mit Ihrer Karte unbefugt einkaufen.',
    changePassword: 'Ändern Sie jetzt Ihr Passwort',
    complaint: 'sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren',
    neutralGreeting: 'Guten Tag liebe Kundin, lieber Kunde,',
    published: 'Veröffentlicht am',
  },
  fr: {
    headings: [
      'Ce qui s’est passé',
      'Les informations concernées',
      'Ce que cela peut signifier pour vous',
      'Ce que nous avons fait',
      'Ce que nous allons faire',
      'Ce que vous pouvez faire',
      'Vos droits et recours',
      'Nous contacter',
    ],
    aware: 'nous avons eu connaissance d’un incident de sécurité',
    cardRisk: 'Quelqu’un pourrait effectuer des achats non autorisés avec votre carte.',
    changePassword: 'Changez votre mot de passe dès maintenant',
    complaint: 'introduire une réclamation auprès d’une autorité de contrôle',
    neutralGreeting: 'Bonjour Madame, Monsieur,',
    published: 'Publié le',
  },
  es: {
    headings: [
      'Qué ha ocurrido',
      'Qué información se ha visto afectada',
      'Qué puede significar para usted',
      'Qué hemos hecho',
      'Qué haremos a continuación',
      'Qué puede hacer usted',
      'Sus derechos y vías de recurso',
      'Contacto',
    ],
    aware: 'tuvimos conocimiento de un incidente de seguridad',
    cardRisk: 'Alguien podría realizar compras no autorizadas con su tarjeta.',
    changePassword: 'Cambie su contraseña ahora',
    complaint: 'presentar una reclamación ante una autoridad de control',
    neutralGreeting: 'Estimado/a cliente:',
    published: 'Publicado el',
  },
  'pt-BR': {
    headings: [
      'O que aconteceu',
      'Quais informações foram envolvidas',
      'O que isso pode significar para você',
      'O que já fizemos',
      'O que faremos a seguir',
      'O que você pode fazer',
      'Seus direitos e formas de reparação',
      'Fale conosco',
    ],
    aware: 'tomamos conhecimento de um incidente de segurança',
    cardRisk: 'Alguém pode fazer compras não autorizadas com seu cartão.',
    changePassword: 'Troque sua senha agora',
    complaint: 'apresentar uma reclamação a uma autoridade de proteção de dados',
    neutralGreeting: 'Prezado(a) cliente,',
    published: 'Publicado em',
  },
  ja: {
    headings: [
      '発生した事象',
      '対象となる情報',
      'お客様への影響',
      '当社が講じた措置',
      '今後の対応',
      'お客様ご自身でできる対策',
      'お客様の権利と救済手段',
      'お問い合わせ先',
    ],
    aware: 'セキュリティインシデントを認識しました',
    cardRisk: 'カードが不正な買い物に使われるおそれがあります。',
    changePassword: '今すぐパスワードを変更してください',
    complaint: '監督機関に苦情を申し立てる権利',
    neutralGreeting: 'お客様',
    published: '掲載日時',
  },
  ko: {
    headings: [
      '발생한 사고의 내용',
      '관련된 정보',
      '귀하에게 미칠 수 있는 영향',
      '당사가 취한 조치',
      '향후 조치',
      '귀하가 할 수 있는 조치',
      '귀하의 권리와 구제 방법',
      '문의처',
    ],
    aware: '보안 사고를 인지하였습니다',
    cardRisk: '누군가 귀하의 카드로 무단 결제를 할 수 있습니다.',
    changePassword: '지금 바로 비밀번호를 변경하시고',
    complaint: '감독기관에 불만을 제기할 권리',
    neutralGreeting: '고객님께',
    published: '게시일',
  },
  'zh-CN': {
    headings: [
      '事件概况',
      '涉及的信息',
      '可能对您造成的影响',
      '我们已采取的措施',
      '我们将采取的措施',
      '您可以采取的措施',
      '您的权利与补救措施',
      '联系我们',
    ],
    aware: '获悉一起安全事件',
    cardRisk: '他人可能用您的卡进行未经授权的消费。',
    changePassword: '请立即修改密码',
    complaint: '有权向个人信息保护监管部门投诉',
    neutralGreeting: '尊敬的用户：',
    published: '发布时间',
  },
};

/** A heading as the plain-text notice writes it. */
export function textHeading(locale: Locale, heading: string): string {
  if (locale === 'ja' || locale === 'zh-CN') return `【${heading}】`;
  if (locale === 'ko') return `■ ${heading}`;
  return heading.toLocaleUpperCase(locale);
}
