// Contact details a US state's notice gives its residents (toll-free numbers of the nationwide credit
// reporting agencies, the FTC). Taken from the agencies' public pages; check them before relying on them
// (README, notices), since agencies change numbers and addresses now and then.

export interface AgencyContact {
  name: string;
  phone: string | null;
  url: string | null;
  address: string | null;
}

export const CREDIT_AGENCIES: readonly AgencyContact[] = [
  {
    name: 'Equifax',
    phone: '1-888-298-0045',
    url: 'https://www.equifax.com/personal/credit-report-services/',
    address: 'P.O. Box 105788, Atlanta, GA 30348-5788',
  },
  {
    name: 'Experian',
    phone: '1-888-397-3742',
    url: 'https://www.experian.com/help/',
    address: 'P.O. Box 9554, Allen, TX 75013',
  },
  {
    name: 'TransUnion',
    phone: '1-888-909-8872',
    url: 'https://www.transunion.com/credit-help',
    address: 'P.O. Box 2000, Chester, PA 19016',
  },
];

export const FTC_CONTACT: AgencyContact = {
  name: 'Federal Trade Commission',
  phone: '1-877-438-4338',
  url: 'https://www.identitytheft.gov/',
  address: '600 Pennsylvania Avenue NW, Washington, DC 20580',
};
