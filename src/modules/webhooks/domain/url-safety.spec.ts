import { isForbiddenAddress, parseEndpointUrl } from './url-safety';

const STRICT = { allowInsecure: false, allowPrivate: false };
const DEVELOPMENT = { allowInsecure: true, allowPrivate: false };

describe('webhook URL safety (SSRF)', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '0.0.0.0',
    '10.1.2.3',
    '100.64.0.1',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '192.0.0.1',
    '198.18.0.1',
    '224.0.0.1',
    '239.255.255.250',
    '255.255.255.255',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a9fe:a9fe',
    '::127.0.0.1',
    'fc00::1',
    'fd00:ec2::254',
    'fe80::1',
    'fe80::1%eth0',
    'fec0::1',
    'ff02::1',
    '2001:db8::1',
    '2002:7f00:1::1',
    '2001:0:4136:e378::1',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '::ffff:93.184.216.34',
  ])('allows the public address %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });

  it.each([
    'https://127.0.0.1/hook',
    'https://2130706433/hook',
    'https://0x7f.1/hook',
    'https://0177.0.0.1/hook',
    'https://127.1/hook',
    'https://0x7f000001/hook',
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://[::ffff:a9fe:a9fe]/latest/meta-data',
    'https://169.254.169.254/latest/meta-data',
    'https://0.0.0.0/',
    'https://[fd00:ec2::254]/',
    'https://10.0.0.1:8443/',
  ])('refuses the literal address in %s before any lookup', (url) => {
    expect(parseEndpointUrl(url, STRICT)).toEqual({ problem: 'address' });
  });

  it('accepts https only unless plain http is allowed, and never credentials', () => {
    expect(parseEndpointUrl('http://hooks.example.com/', STRICT)).toEqual({ problem: 'scheme' });
    expect(parseEndpointUrl('ftp://hooks.example.com/', DEVELOPMENT)).toEqual({
      problem: 'scheme',
    });
    expect(parseEndpointUrl('file:///etc/passwd', DEVELOPMENT)).toEqual({ problem: 'scheme' });
    expect(parseEndpointUrl('not a url', STRICT)).toEqual({ problem: 'invalid' });
    expect(parseEndpointUrl('https://user:pw@hooks.example.com/', STRICT)).toEqual({
      problem: 'credentials',
    });
    expect(parseEndpointUrl('http://hooks.example.com/x', DEVELOPMENT)).toMatchObject({
      host: 'hooks.example.com',
      literal: false,
    });
    expect(parseEndpointUrl('https://93.184.216.34/x', STRICT)).toMatchObject({ literal: true });
  });

  it('lets private addresses through only when allowed (development, tests)', () => {
    expect(
      parseEndpointUrl('http://127.0.0.1:4000/x', { allowInsecure: true, allowPrivate: true }),
    ).toMatchObject({ host: '127.0.0.1', literal: true });
  });
});
