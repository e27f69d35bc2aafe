import { type ReactNode, useEffect } from "react";

interface PageHeaderProps {
  title: string;
  /** One short line saying what the page is for. */
  intro?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, intro, actions }: PageHeaderProps) {
  useEffect(() => {
    document.title = `${title} · Cascade`;
  }, [title]);
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {intro ? <p className="page-intro">{intro}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}
