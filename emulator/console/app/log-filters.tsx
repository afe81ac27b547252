// The filter row of the console's log panels (API requests, webhook deliveries): a free-text
// search and one choice, both labelled for screen readers.

export function LogFilters({
  id,
  search,
  choice,
}: {
  id: string;
  search: { label: string; placeholder: string; value: string; onChange: (value: string) => void };
  choice: {
    label: string;
    allLabel: string;
    options: readonly (readonly [value: string, text: string])[];
    value: string;
    onChange: (value: string) => void;
  };
}) {
  return (
    <div className="filters">
      <label className="sr-only" htmlFor={`${id}-filter`}>
        {search.label}
      </label>
      <input
        id={`${id}-filter`}
        type="search"
        placeholder={search.placeholder}
        value={search.value}
        onChange={(e) => search.onChange(e.target.value)}
      />
      <label className="sr-only" htmlFor={`${id}-choice`}>
        {choice.label}
      </label>
      <select id={`${id}-choice`} value={choice.value} onChange={(e) => choice.onChange(e.target.value)}>
        <option value="all">{choice.allLabel}</option>
        {choice.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
