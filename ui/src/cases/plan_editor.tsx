// The case plan: goals, each with actions (what, by when, done). The editor adds and removes
// goals and actions; the read-only view lists them and lets an action be marked done at once.
import type { FieldError } from '../api/client';
import type { Plan, PlanAction, PlanGoal } from '../api/cases_types';
import { Field } from '../common/field';
import { useI18n } from '../i18n/i18n';

interface EditorProps {
  idOf: (field: string) => string;
  value: Plan;
  onChange: (plan: Plan) => void;
  errorsOf: (field: string) => string[] | undefined;
}

const emptyAction = (): PlanAction => ({ action: '', responsible: '', due: null, done: false });
const emptyGoal = (): PlanGoal => ({ goal: '', actions: [emptyAction()] });

export function PlanEditor({ idOf, value, onChange, errorsOf }: EditorProps) {
  const { t } = useI18n();
  const goals = value.goals ?? [];
  const setGoal = (i: number, goal: PlanGoal) => onChange({ goals: goals.map((g, j) => (j === i ? goal : g)) });
  const setAction = (i: number, k: number, action: PlanAction) => {
    const goal = goals[i]!;
    setGoal(i, { ...goal, actions: goal.actions.map((a, j) => (j === k ? action : a)) });
  };
  return (
    <div class="plan-editor">
      {goals.length === 0 && <p class="muted">{t('plan.noGoals')}</p>}
      {goals.map((goal, i) => {
        const n = i + 1;
        return (
          <fieldset key={i} class="goal">
            <legend>{t('plan.goalN', { n })}</legend>
            <Field id={idOf(`plan.goals[${i}].goal`)} label={t('plan.goal')} errors={errorsOf(`plan.goals[${i}].goal`)}>
              {(c) => <input {...c} dir="auto" value={goal.goal}
                onInput={(e) => setGoal(i, { ...goal, goal: e.currentTarget.value })} />}
            </Field>
            {goal.actions.map((action, k) => {
              const path = `plan.goals[${i}].actions[${k}]`;
              return (
                <fieldset key={k} class="plan-action">
                  <legend>{t('plan.actionN', { n: k + 1 })}</legend>
                  <div class="grid">
                    <Field id={idOf(`${path}.action`)} label={t('plan.action')} errors={errorsOf(`${path}.action`)}>
                      {(c) => <input {...c} dir="auto" value={action.action}
                        onInput={(e) => setAction(i, k, { ...action, action: e.currentTarget.value })} />}
                    </Field>
                    <Field id={idOf(`${path}.responsible`)} label={t('plan.responsible')}
                      errors={errorsOf(`${path}.responsible`)}>
                      {(c) => <input {...c} dir="auto" value={action.responsible ?? ''}
                        onInput={(e) => setAction(i, k, { ...action, responsible: e.currentTarget.value })} />}
                    </Field>
                    <Field id={idOf(`${path}.due`)} label={t('plan.due')} errors={errorsOf(`${path}.due`)}>
                      {(c) => <input {...c} type="date" dir="ltr" value={action.due ?? ''}
                        onInput={(e) => setAction(i, k, { ...action, due: e.currentTarget.value || null })} />}
                    </Field>
                  </div>
                  <div class="actions">
                    <label class="check">
                      <input type="checkbox" checked={!!action.done}
                        onChange={(e) => setAction(i, k, { ...action, done: e.currentTarget.checked })} />
                      {t('plan.done')}
                    </label>
                    <button type="button" class="button small danger-outline"
                      onClick={() => setGoal(i, { ...goal, actions: goal.actions.filter((_, j) => j !== k) })}>
                      {t('plan.removeAction', { goal: n, n: k + 1 })}
                    </button>
                  </div>
                </fieldset>
              );
            })}
            <div class="actions">
              <button type="button" class="button small"
                onClick={() => setGoal(i, { ...goal, actions: [...goal.actions, emptyAction()] })}>
                {t('plan.addAction', { n })}
              </button>
              <button type="button" class="button small danger-outline"
                onClick={() => onChange({ goals: goals.filter((_, j) => j !== i) })}>
                {t('plan.removeGoal', { n })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button type="button" class="button" onClick={() => onChange({ goals: [...goals, emptyGoal()] })}>
        {t('plan.addGoal')}
      </button>
    </div>
  );
}

/**
 * The plan as sent: text trimmed, nothing left out (so that a problem's index, such as
 * `plan.goals[1].actions[0].action`, names the row the user sees).
 */
export function cleanPlan(plan: Plan): Plan {
  return {
    goals: (plan.goals ?? []).map((g) => ({
      goal: g.goal.trim(),
      actions: g.actions.map((a) => {
        const action: PlanAction = { action: a.action.trim(), due: a.due || null, done: !!a.done };
        if (a.responsible?.trim()) action.responsible = a.responsible.trim();
        return action;
      }),
    })),
  };
}

/** Every goal and every action needs its text. */
export function checkPlan(plan: Plan, required: string): FieldError[] {
  const problems: FieldError[] = [];
  (plan.goals ?? []).forEach((g, i) => {
    if (!g.goal.trim()) problems.push({ field: `plan.goals[${i}].goal`, reason: required });
    g.actions.forEach((a, k) => {
      if (!a.action.trim()) problems.push({ field: `plan.goals[${i}].actions[${k}].action`, reason: required });
    });
  });
  return problems;
}

interface ViewProps { plan: Plan | null | undefined; onToggle?: ((plan: Plan) => void) | undefined }

export function PlanView({ plan, onToggle }: ViewProps) {
  const { t } = useI18n();
  const goals = plan?.goals ?? [];
  if (goals.length === 0) return <p class="muted">{t('plan.empty')}</p>;
  const toggle = (i: number, k: number) => {
    if (!onToggle || !plan) return;
    onToggle({
      goals: goals.map((g, gi) => (gi !== i ? g : {
        ...g,
        actions: g.actions.map((a, ai) => (ai !== k ? a : { ...a, done: !a.done })),
      })),
    });
  };
  return (
    <ol class="plan-view">
      {goals.map((goal, i) => (
        <li key={i}>
          <strong><bdi translate={false}>{goal.goal}</bdi></strong>
          {goal.actions.length > 0 && (
            <ul>
              {goal.actions.map((action, k) => (
                <li key={k} class={action.done ? 'done' : undefined}>
                  <span class="badge-done">{action.done ? t('plan.isDone') : t('plan.isOpen')}</span>{' '}
                  <bdi translate={false}>{action.action}</bdi>
                  {action.responsible && <span class="muted"> · {t('plan.by')} <bdi translate={false}>{action.responsible}</bdi></span>}
                  {action.due && <span class="muted"> · {t('plan.dueOn')} <bdi dir="ltr">{action.due}</bdi></span>}
                  {onToggle && (
                    <>
                      {' '}
                      <button type="button" class="link-button" onClick={() => toggle(i, k)}>
                        {action.done ? t('plan.markOpen') : t('plan.markDone')}
                        <span class="visually-hidden"> <bdi translate={false}>{action.action}</bdi></span>
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
