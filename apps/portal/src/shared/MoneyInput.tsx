import { Input } from 'antd';
import type { InputProps } from 'antd';
import { moneyPreview } from './money';

/** Amounts in 元 or 万元 as text; the value stays the typed string and is parsed with `parseMoney` on submit. */
export function MoneyInput(props: Omit<InputProps, 'suffix'>) {
  const preview = typeof props.value === 'string' ? moneyPreview(props.value) : null;
  return (
    <Input
      placeholder="如 1250000 或 125万"
      inputMode="decimal"
      autoComplete="off"
      {...props}
      suffix={
        <span style={{ color: '#8c8c8c', fontSize: 12 }}>{preview ? `= ${preview}` : '元 / 万元'}</span>
      }
    />
  );
}
