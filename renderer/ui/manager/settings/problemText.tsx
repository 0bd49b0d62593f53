import { useTranslation } from 'react-i18next';
import type { Problem } from './logic/problems';
import { useThresholdMoney } from './ruleText';

/** A Problem in words, from the `errors.` keys of the settings namespace; amounts as money. */
export function useProblemText(): (p: Problem | null | undefined) => string | null {
  const { t } = useTranslation('settings');
  // Amounts in settings problems are price-band limits: "₹2,500", as the table shows them.
  const money = useThresholdMoney();
  return (p) => {
    if (!p) return null;
    const formatted: Record<string, string> = {};
    for (const [name, amount] of Object.entries(p.money ?? {})) formatted[name] = money(amount);
    return t(`errors.${p.key}`, { ...p.values, ...formatted });
  };
}

/** A Problem on its own line, for a group of fields (the address lines, a price band). */
export function ProblemLine({ problem, testId }: { problem: Problem | null | undefined; testId?: string }) {
  const text = useProblemText()(problem);
  return text ? <p className="mfield__error" role="alert" data-testid={testId}>{text}</p> : null;
}

/**
 * Brings the first field marked wrong into view once the form has re-rendered with its
 * problems: on a long form the banner says "check the fields in red", and the manager
 * should not have to hunt for them.
 */
export function revealFirstProblem(root: HTMLElement | null): void {
  requestAnimationFrame(() => root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.scrollIntoView({ block: 'center' }));
}
