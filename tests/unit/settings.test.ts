import { describe, expect, it } from 'vitest';
import { readSettings } from '../../src/lib/settings.ts';

const messageFor = (env: Record<string, string>) => {
  try {
    readSettings(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the settings to be refused');
};

const SITE = 'SITE_URL must be an http or https origin such as https://news.example.org';
const BASE = 'BASE_PATH must be a path that starts and ends with "/", of letters, digits, "-", "_" and ".", e.g. /zeitung/';
const EPOCH = 'SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, e.g. 1737470640';
const SHARDS = 'SEARCH_SHARD_SIZE must be a whole number of articles from 1 to 100000';

describe('readSettings', () => {
  it('has a default for each, an empty value counting as unset', () => {
    const defaults = { siteUrl: 'https://zeitungsleser.example', basePath: '/', searchShardSize: 1000, sourceDateEpoch: undefined };
    expect(readSettings({})).toEqual(defaults);
    expect(readSettings({ SITE_URL: '', BASE_PATH: '', SEARCH_SHARD_SIZE: '', SOURCE_DATE_EPOCH: '' })).toEqual(defaults);
  });

  it('reads what is set', () => {
    expect(readSettings({ SITE_URL: 'https://news.example.org/', BASE_PATH: '/zeitung/v1.2_neu-x/', SEARCH_SHARD_SIZE: '250', SOURCE_DATE_EPOCH: '1737470640' })).toEqual({
      siteUrl: 'https://news.example.org',
      basePath: '/zeitung/v1.2_neu-x/',
      searchShardSize: 250,
      sourceDateEpoch: 1737470640,
    });
    expect(readSettings({ SITE_URL: 'http://localhost:4321' }).siteUrl).toBe('http://localhost:4321');
    expect(readSettings({ SITE_URL: 'https://news.example.org' }).siteUrl).toBe('https://news.example.org');
    expect(readSettings({ SITE_URL: 'HTTPS://News.Example.org/' }).siteUrl).toBe('https://news.example.org');
  });

  it.each([
    ['javascript:alert(1)', `${SITE}, not "javascript:alert(1)"`],
    ['ftp://news.example.org', `${SITE}, not "ftp://news.example.org"`],
    ['news.example.org', `${SITE}, not "news.example.org"`],
    ['https://news.example.org/zeitung/', `${SITE}, without a path, query or fragment (a sub-path goes in BASE_PATH), not "https://news.example.org/zeitung/"`],
    ['https://news.example.org/?a=1', `${SITE}, without a path, query or fragment (a sub-path goes in BASE_PATH), not "https://news.example.org/?a=1"`],
    ['https://news.example.org#top', `${SITE}, without a path, query or fragment (a sub-path goes in BASE_PATH), not "https://news.example.org#top"`],
    ['https://redaktion:geheim@news.example.org', `${SITE}, without a user name or password, not "https://redaktion:geheim@news.example.org"`],
    ['https://news.example.org\n', `${SITE}, without spaces or control characters, not "https://news.example.org\\n"`],
    [' https://news.example.org', `${SITE}, without spaces or control characters, not " https://news.example.org"`],
    ['https://news.exa\tmple.org', `${SITE}, without spaces or control characters, not "https://news.exa\\tmple.org"`],
    ['https://news.example.org\u0000', `${SITE}, without spaces or control characters, not "https://news.example.org\\u0000"`],
  ])('refuses SITE_URL=%j', (value, message) => {
    expect(messageFor({ SITE_URL: value })).toBe(message);
  });

  it.each([
    ['zeitung/', `${BASE}, not "zeitung/"`],
    ['/zeitung', `${BASE}, not "/zeitung"`],
    ['//', `${BASE}, not "//"`],
    ['/zeitung//', `${BASE}, not "/zeitung//"`],
    ['/zei tung/', `${BASE}, not "/zei tung/"`],
    ['/zeitung/\n', `${BASE}, not "/zeitung/\\n"`],
    ['/*/', `${BASE}, not "/*/"`],
    ['/zeitung?x/', `${BASE}, not "/zeitung?x/"`],
    ['/zeitung%2F/', `${BASE}, not "/zeitung%2F/"`],
    ['/über/', `${BASE}, not "/über/"`],
    ['/../', `${BASE}, without "." or ".." as a segment, not "/../"`],
    ['/zeitung/./', `${BASE}, without "." or ".." as a segment, not "/zeitung/./"`],
  ])('refuses BASE_PATH=%j', (value, message) => {
    expect(messageFor({ BASE_PATH: value })).toBe(message);
  });

  it.each([
    ['1750000000000', `${EPOCH}, not "1750000000000", which is after 2100 (milliseconds?)`],
    ['99999999999999', `${EPOCH}, not "99999999999999", which is after 2100 (milliseconds?)`],
    ['4102444800', `${EPOCH}, not "4102444800", which is after 2100 (milliseconds?)`],
    ['946684799', `${EPOCH}, not "946684799", which is before 2000`],
    ['0', `${EPOCH}, not "0", which is before 2000`],
    ['-1', `${EPOCH}, not "-1"`],
    ['1737470640.5', `${EPOCH}, not "1737470640.5"`],
    ['1e9', `${EPOCH}, not "1e9"`],
    [' 1737470640', `${EPOCH}, not " 1737470640"`],
    ['2025-01-21', `${EPOCH}, not "2025-01-21"`],
  ])('refuses SOURCE_DATE_EPOCH=%j', (value, message) => {
    expect(messageFor({ SOURCE_DATE_EPOCH: value })).toBe(message);
  });

  it('takes the first and last second of the sane range', () => {
    expect(readSettings({ SOURCE_DATE_EPOCH: '946684800' }).sourceDateEpoch).toBe(946684800);
    expect(readSettings({ SOURCE_DATE_EPOCH: '4102444799' }).sourceDateEpoch).toBe(4102444799);
  });

  it.each(['0', '100001', '-5', '2.5', '1e3', 'viele', ' 10'])('refuses SEARCH_SHARD_SIZE=%j', (value) => {
    expect(messageFor({ SEARCH_SHARD_SIZE: value })).toBe(`${SHARDS}, not ${JSON.stringify(value)}`);
  });

  it('takes shard sizes from 1 to 100000', () => {
    expect(readSettings({ SEARCH_SHARD_SIZE: '1' }).searchShardSize).toBe(1);
    expect(readSettings({ SEARCH_SHARD_SIZE: '100000' }).searchShardSize).toBe(100000);
  });
});
