import { type HistoryState, useRouterState } from "@tanstack/react-router";
import { z } from "zod";

/**
 * A message for the page being opened ("Added Ana Ortiz."), carried in the browser history
 * entry rather than the address, so a copied link never repeats it to someone else.
 */
const ZArrivalNotice = z.object({ notice: z.string() });

export function withArrivalNotice(notice: string) {
  return (previous: HistoryState) => {
    const next = { ...previous, notice };
    return next;
  };
}

export function useArrivalNotice(): string | null {
  const state = useRouterState({ select: (router) => router.location.state });
  return ZArrivalNotice.safeParse(state).data?.notice ?? null;
}
