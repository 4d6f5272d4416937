// The basket of an in-kind round: one line per item, a quantity per household or per member
// (then optionally capped). Lines are added and removed; ids follow `round-basket-{i}-{field}`
// so the server's problems (`basket[1].quantity`) move focus to the right control.
import { Field } from '../common/field';
import { useI18n } from '../i18n/i18n';
import { itemName, type Item } from '../stock/stock_types';
import { blankLine, type LineDraft } from './round_model';

interface Props {
  lines: LineDraft[];
  items: Item[];
  errorsOf: (field: string) => string[] | undefined;
  onChange: (lines: LineDraft[]) => void;
}

export function BasketEditor({ lines, items, errorsOf, onChange }: Props) {
  const { t, lang } = useI18n();
  const setLine = (i: number, patch: Partial<LineDraft>) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <div>
      {lines.map((line, i) => {
        const id = (f: string) => `round-basket-${i}-${f}`;
        const err = (f: string) => errorsOf(`basket[${i}].${f}`);
        return (
          <fieldset class="line" key={i}>
            <legend>{t('round.line', { n: i + 1 })}</legend>
            <div class="basket-line">
              <Field id={id('item')} label={t('round.item')} errors={[...(err('item_id') ?? []), ...(err('item') ?? [])].length
                ? [...(err('item_id') ?? []), ...(err('item') ?? [])] : undefined}>
                {(c) => (
                  <select {...c} value={line.item_id} onChange={(e) => setLine(i, { item_id: e.currentTarget.value })}>
                    <option value="">{t('common.choose')}</option>
                    {items.map((item) => (
                      <option key={item.id} value={String(item.id)} translate={false}>
                        {itemName(lang, item)} ({item.unit})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={id('quantity')} label={line.per_member ? t('round.quantityPerMember') : t('round.quantity')} errors={err('quantity')}>
                {(c) => <input {...c} inputMode="numeric" dir="ltr" value={line.quantity}
                  onInput={(e) => setLine(i, { quantity: e.currentTarget.value })} />}
              </Field>
              <label class="check">
                <input type="checkbox" checked={line.per_member} onChange={(e) => setLine(i, { per_member: e.currentTarget.checked })} />
                {t('round.perMember')}
              </label>
              {line.per_member && (
                <Field id={id('max_quantity')} label={`${t('round.maxQuantity')} ${t('common.optional')}`} errors={err('max_quantity')}>
                  {(c) => <input {...c} inputMode="numeric" dir="ltr" value={line.max_quantity}
                    onInput={(e) => setLine(i, { max_quantity: e.currentTarget.value })} />}
                </Field>
              )}
            </div>
            {lines.length > 1 && (
              <button type="button" class="button small danger-outline" onClick={() => onChange(lines.filter((_, j) => j !== i))}>
                {t('round.removeLine', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="button" id="round-basket" class="button" onClick={() => onChange([...lines, { ...blankLine }])}>
        {t('round.addLine')}
      </button>
    </div>
  );
}
