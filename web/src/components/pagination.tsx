interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** What is being counted, in the plural: "people", "events". */
  noun: string;
  onPageChange: (page: number) => void;
}

export function Pagination({ page, pageSize, total, noun, onPageChange }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label="Pages">
      <p aria-live="polite">
        {total === 0 ? `No ${noun}` : `Showing ${first}–${last} of ${total} ${noun}`}
        {pages > 1 ? ` · page ${page} of ${pages}` : ""}
      </p>
      {pages > 1 ? (
        <div className="pagination-buttons">
          <button
            type="button"
            className="button button-secondary"
            disabled={page <= 1}
            onClick={() => onPageChange(page - 1)}
          >
            Previous page
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={page >= pages}
            onClick={() => onPageChange(page + 1)}
          >
            Next page
          </button>
        </div>
      ) : null}
    </nav>
  );
}
