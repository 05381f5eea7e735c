import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Flex, Input, Modal, Space, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useBlocker, useSearchParams } from 'react-router';
import { readApiError } from '../../../shared/errors';
import { useTRPC } from '../../../shared/trpc';
import { lastMonth, monthLabel } from '../months';
import type { GridRow } from '../types';
import './occupancy-grid.css';

type Cell = { days: string; attested: boolean };
const EMPTY_EDITS = new Map<number, Cell>();

const baseOf = (r: GridRow): Cell => ({
  days: r.daysPresent === null ? '' : String(r.daysPresent),
  attested: r.attested,
});
const same = (a: Cell, b: Cell) => a.days === b.days && a.attested === b.attested;

/** What is wrong with a cell, in Chinese; null when it can be saved. Bounds come from the server's row. */
function cellError(row: GridRow, cell: Cell): string | null {
  if (cell.days === '' && !cell.attested) return '请填写在驻天数，或勾选整月在驻确认';
  if (cell.days !== '' && Number(cell.days) > row.allocatedDays) {
    return `本月仅分配 ${row.allocatedDays} 天，在驻天数不能超过 ${row.allocatedDays}`;
  }
  return null;
}

/**
 * The occupancy grid (出勤登记): one row per allocation touching the month, filled like a spreadsheet. Tab moves to
 * the next cell, Enter / ↓ to the row below, ↑ / Shift+Enter to the row above, ← → between the two columns; digits
 * replace a cell's content; Space ticks 整月在驻确认. Edits stay in the page until one 保存 writes them all (one
 * transaction on the server); leaving with unsaved edits asks first.
 */
export function OccupancyTab({ centreId, operable }: { centreId: number; operable: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month')! : lastMonth();
  const grid = useQuery(trpc.centres.occupancy.grid.queryOptions({ centreId, month }));
  // Edits belong to the month they were typed in: another month starts clean (the blocker asked before leaving).
  const [editState, setEditState] = useState<{ month: string; edits: Map<number, Cell> }>({
    month,
    edits: EMPTY_EDITS,
  });
  const edits = editState.month === month ? editState.edits : EMPTY_EDITS;
  const setEdits = (next: Map<number, Cell> | ((prev: Map<number, Cell>) => Map<number, Cell>)) =>
    setEditState((s) => {
      const prev = s.month === month ? s.edits : EMPTY_EDITS;
      return { month, edits: typeof next === 'function' ? next(prev) : next };
    });
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => grid.data?.rows ?? [], [grid.data]);
  const editable = operable && grid.data !== undefined && !grid.data.locked;
  const byAllocation = useMemo(
    () => new Map(rows.filter((r) => r.allocationId !== null).map((r) => [r.allocationId!, r])),
    [rows],
  );
  const cellOf = (r: GridRow): Cell => edits.get(r.allocationId!) ?? baseOf(r);

  const changed = useMemo(
    () =>
      [...edits.entries()].filter(([id, cell]) => {
        const row = byAllocation.get(id);
        return row !== undefined && !same(cell, baseOf(row));
      }),
    [edits, byAllocation],
  );
  const dirty = changed.length;
  const invalid = changed.filter(([id, cell]) => cellError(byAllocation.get(id)!, cell) !== null).length;

  // Unsaved edits are never lost silently: in-app navigation (another tab, month or page) asks; so does closing.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty > 0 &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  useEffect(() => {
    if (dirty === 0) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = useMutation(
    trpc.centres.occupancy.save.mutationOptions({
      onSuccess: async (r) => {
        setEdits(EMPTY_EDITS);
        setSaveError(null);
        void message.success(`已保存 ${r.saved} 行出勤记录`);
        await queryClient.invalidateQueries({ queryKey: trpc.centres.pathKey() });
      },
      onError: (e) => setSaveError(readApiError(e).message),
    }),
  );

  const setCell = (r: GridRow, next: Partial<Cell>) =>
    setEdits((prev) => {
      const m = new Map(prev);
      m.set(r.allocationId!, { ...cellOf(r), ...next });
      return m;
    });

  const attestAll = () =>
    setEdits((prev) => {
      const m = new Map(prev);
      for (const r of rows)
        if (r.allocationId !== null)
          m.set(r.allocationId, { ...(prev.get(r.allocationId) ?? baseOf(r)), attested: true });
      return m;
    });

  const onSave = () => {
    if (invalid > 0) {
      setSaveError(`有 ${invalid} 行填写有误（红框标出），请改正后再保存`);
      return;
    }
    save.mutate({
      centreId,
      month,
      rows: changed.map(([allocationId, c]) => ({
        allocationId,
        daysPresent: c.days === '' ? null : Number(c.days),
        attested: c.attested,
      })),
    });
  };

  const focusCell = (row: number, col: number) => {
    const el = tableRef.current?.querySelector<HTMLInputElement>(`[data-row="${row}"][data-col="${col}"]`);
    if (el) {
      el.focus();
      if (el.type === 'text') el.select();
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const t = e.target as HTMLInputElement;
    if (t.dataset.row === undefined) return;
    const row = Number(t.dataset.row);
    const col = Number(t.dataset.col);
    const atStart =
      t.type !== 'text' ||
      (t.selectionStart === 0 && t.selectionEnd === 0) ||
      t.selectionEnd === t.value.length;
    const atEnd =
      t.type !== 'text' ||
      t.selectionStart === t.value.length ||
      (t.selectionStart === 0 && t.selectionEnd === t.value.length);
    let to: [number, number] | null = null;
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) to = [row + 1, col];
    else if (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)) to = [row - 1, col];
    else if (e.key === 'ArrowRight' && col === 0 && atEnd) to = [row, 1];
    else if (e.key === 'ArrowLeft' && col === 1 && atStart) to = [row, 0];
    if (to) {
      e.preventDefault();
      focusCell(to[0], to[1]);
    }
  };

  const shown = onlyMissing
    ? rows.filter((r) => r.allocationId !== null && (!r.recorded || edits.has(r.allocationId)))
    : rows;
  // Keyboard order counts only the rows with cells.
  let cellRow = -1;
  const codeCounts = new Map<string, number>();
  for (const r of rows)
    if (r.allocationId !== null) codeCounts.set(r.code, (codeCounts.get(r.code) ?? 0) + 1);

  return (
    <>
      <Flex gap={12} wrap justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Space wrap>
          <DatePicker
            picker="month"
            aria-label="月份"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            onChange={(d) =>
              d &&
              setParams((p) => {
                const n = new URLSearchParams(p);
                n.set('month', d.format('YYYY-MM'));
                return n;
              })
            }
          />
          <Switch checked={onlyMissing} onChange={setOnlyMissing} aria-label="只看未登记" />
          <span>只看未登记</span>
        </Space>
        {editable && (
          <Space wrap>
            <span aria-live="polite">
              {dirty > 0 ? (
                <Tag color="orange">未保存修改 {dirty} 行</Tag>
              ) : (
                <Tag color="default">没有未保存的修改</Tag>
              )}
            </span>
            <Button onClick={attestAll}>全部按月证明</Button>
            <Button disabled={dirty === 0} onClick={() => setEdits(EMPTY_EDITS)}>
              撤销修改
            </Button>
            <Button type="primary" disabled={dirty === 0} loading={save.isPending} onClick={onSave}>
              保存出勤
            </Button>
          </Space>
        )}
      </Flex>
      {grid.data && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {monthLabel(month)}共 {grid.data.daysInMonth} 天 · 在用工位 {grid.data.summary.workstations} 个 ·
          分配 {grid.data.summary.allocations} 条 · 已登记 {grid.data.summary.recorded} 条 · 未登记{' '}
          {grid.data.summary.missing} 条。在驻天数与“整月在驻确认”至少填一项。
          {editable && ' 键盘：Tab 下一格，Enter/↓ 下一行，↑ 上一行，← → 切换列，空格勾选确认。'}
        </Typography.Paragraph>
      )}
      {grid.data?.locked && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${monthLabel(month)}已申报服务补助，台账已锁定；如需更正，请由审核人员退回申报后再修改。`}
        />
      )}
      {grid.isError && (
        <Alert type="error" showIcon title={readApiError(grid.error).message} style={{ marginBottom: 12 }} />
      )}
      {saveError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={saveError}
          style={{ marginBottom: 12 }}
          closable
          onClose={() => setSaveError(null)}
        />
      )}
      <div
        ref={tableRef}
        className="occupancy-grid"
        onKeyDown={onKeyDown}
        role="group"
        aria-label="出勤登记表"
      >
        <table>
          <thead>
            <tr>
              <th style={{ width: 90 }}>工位</th>
              <th style={{ width: 130 }}>区域</th>
              <th>入驻对象</th>
              <th style={{ width: 90 }}>使用方式</th>
              <th style={{ width: 120 }}>本月分配天数</th>
              <th style={{ width: 110 }}>在驻天数</th>
              <th style={{ width: 110 }}>整月在驻确认</th>
              <th style={{ width: 90 }}>状态</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              if (r.allocationId === null) {
                return (
                  <tr key={`ws-${r.workstationId}`} className="vacant">
                    <td>{r.code}</td>
                    <td>{r.zone}</td>
                    <td colSpan={6}>本月空置</td>
                  </tr>
                );
              }
              cellRow += 1;
              const cell = cellOf(r);
              const isChanged = !same(cell, baseOf(r));
              const error = isChanged ? cellError(r, cell) : null;
              const name = (codeCounts.get(r.code) ?? 0) > 1 ? `${r.code}（${r.occupantName}）` : r.code;
              return (
                <tr key={`a-${r.allocationId}`} className={isChanged ? 'changed' : undefined}>
                  <td>
                    <Typography.Text strong>{r.code}</Typography.Text>
                  </td>
                  <td>{r.zone}</td>
                  <td>
                    {r.occupantName} <Typography.Text type="secondary">{r.occupantTypeLabel}</Typography.Text>
                  </td>
                  <td>{r.terms === 'free' ? <Tag color="green">免费</Tag> : <Tag color="blue">优惠</Tag>}</td>
                  <td className="num">{r.allocatedDays}</td>
                  <td>
                    {!editable ? (
                      <span className="readonly">{cell.days === '' ? '—' : `${cell.days} 天`}</span>
                    ) : (
                      <Input
                        size="small"
                        aria-label={`${name} 在驻天数`}
                        data-row={cellRow}
                        data-col={0}
                        value={cell.days}
                        disabled={!editable}
                        inputMode="numeric"
                        maxLength={2}
                        status={error ? 'error' : undefined}
                        title={error ?? undefined}
                        onFocus={(e) => e.target.select()}
                        onChange={(e) => setCell(r, { days: e.target.value.replace(/\D/g, '') })}
                        style={{ width: 70, textAlign: 'right' }}
                      />
                    )}
                  </td>
                  <td className="center">
                    {!editable ? (
                      cell.attested ? (
                        '已确认'
                      ) : (
                        '—'
                      )
                    ) : (
                      <input
                        type="checkbox"
                        aria-label={`${name} 整月在驻确认`}
                        data-row={cellRow}
                        data-col={1}
                        checked={cell.attested}
                        disabled={!editable}
                        onChange={(e) => setCell(r, { attested: e.target.checked })}
                      />
                    )}
                  </td>
                  <td>
                    {error ? (
                      <Typography.Text type="danger" style={{ fontSize: 12 }}>
                        {error}
                      </Typography.Text>
                    ) : isChanged ? (
                      <Tag color="orange">已修改</Tag>
                    ) : r.recorded ? (
                      <Tag color="success">已登记</Tag>
                    ) : (
                      <Tag>未登记</Tag>
                    )}
                  </td>
                </tr>
              );
            })}
            {shown.length === 0 && (
              <tr>
                <td colSpan={8} className="center">
                  {grid.isFetching ? '加载中…' : onlyMissing ? '本月出勤已全部登记' : '本月没有在用工位'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Modal
        open={blocker.state === 'blocked'}
        title="出勤修改尚未保存"
        okText="放弃修改并离开"
        okButtonProps={{ danger: true }}
        cancelText="留在此页"
        onOk={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        有 {dirty} 行出勤修改尚未保存，离开后这些修改将丢失。
      </Modal>
    </>
  );
}
