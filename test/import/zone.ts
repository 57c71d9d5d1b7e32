// A realistic existing zone for import tests and the bench: `n` subdomains with addresses, mail,
// TXT, SRV, CAA and aliases, plus one of each thing the request model does not hold (planted:
// a private address, a reserved name, an unsupported type, split TXT strings, a mail-only name,
// a delegation with DS and glue, wildcards).
export const ZONE = "sukamajukab.go.id";

export function zoneText(n: number): string {
  const z = ZONE;
  const lines = [
    `$ORIGIN ${z}.`,
    "$TTL 3600",
    `@ IN SOA ns1 hostmaster ( 2024010101 3600 900 1209600 300 )`,
    "@ IN NS ns1",
    "@ IN NS ns2",
    "@ IN A 103.147.26.1",
    "@ IN MX 10 mail",
    '@ IN TXT "v=spf1 mx -all"',
    "ns1 IN A 103.147.26.2",
    "ns2 IN A 103.147.26.3",
    "mail IN A 103.147.26.4",
    "www IN CNAME @",
  ];
  for (let i = 0; i < n; i++) {
    const l = `layanan${i}`;
    const ip = `103.${148 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
    switch (i % 6) {
      case 0:
        lines.push(`${l} 600 IN A ${ip}`, `${l} IN TXT "v=spf1 -all"`, `_dmarc.${l} IN TXT "v=DMARC1; p=reject"`);
        break;
      case 1:
        lines.push(`${l} IN A ${ip}`, `${l} IN AAAA 2400:cb00::${(i & 0xffff).toString(16)}`, `${l} IN MX 10 mx1.${l}`, `${l} IN MX 20 mx2.${l}`, `mx1.${l} IN A ${ip}`, `mx2.${l} IN A ${ip}`);
        break;
      case 2:
        lines.push(`${l} IN CNAME ${l}.github.io.`);
        break;
      case 3:
        lines.push(`${l} IN A ${ip}`, `${l} IN CAA 0 issue "letsencrypt.org"`, `_sip._tcp.${l} IN SRV 10 5 5060 sip.${l}`, `sip.${l} IN A ${ip}`);
        break;
      case 4:
        lines.push(`${l} 300 IN A ${ip}`, `api.${l} IN CNAME ${l}`, `${l} IN TXT "${"k".repeat(255)}" "tail-of-a-long-dkim-key"`);
        break;
      default:
        lines.push(`${l} IN A ${ip}`);
    }
  }
  lines.push(
    "intranet IN A 10.20.30.40", // private address in a public zone
    "admin IN A 103.147.26.9", // a reserved name
    "_443._tcp.layanan0 IN TLSA 3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", // type outside the model
    'layanan5 IN TXT "two" "strings"', // split TXT strings the model cannot keep
    "surel IN MX 10 mail", // mail-only name, no address
    "cabang IN NS ns.cabang", // delegation
    "cabang IN DS 12345 13 2 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
    "ns.cabang IN A 103.147.26.50",
    "* IN A 103.147.26.1", // wildcard at the apex
    "*.layanan1 IN A 103.147.26.1", // wildcard below a subdomain
  );
  return lines.join("\n") + "\n";
}
