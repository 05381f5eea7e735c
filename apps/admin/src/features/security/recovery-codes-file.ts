export type RecoveryCodesFile = { fileName: string; text: string };

/**
 * The recovery codes as a text file to keep offline: whose they are, when they were made and how to use one, so a
 * printout found in a drawer months later still explains itself. Lines end in CRLF and the file starts with a BOM,
 * so the Notepad of older Windows desktops in district offices shows the Chinese text.
 */
export function recoveryCodesFile(
  codes: readonly string[],
  { site, account, date }: { site: string; account: { username: string; displayName: string }; date: string },
): RecoveryCodesFile {
  const lines = [
    `${site} 动态验证码恢复码`,
    `账号：${account.username}（${account.displayName}）`,
    `生成日期：${date}`,
    '使用方法：无法使用身份验证器时，在登录页点击“无法使用身份验证器？使用恢复码”，输入下列任一恢复码；每个恢复码只能使用一次，重新生成后原恢复码全部作废。',
    '',
    ...codes.map((c, i) => `${String(i + 1).padStart(2, ' ')}. ${c}`),
    '',
  ];
  return { fileName: `恢复码-${account.username}-${date}.txt`, text: `\uFEFF${lines.join('\r\n')}` };
}
