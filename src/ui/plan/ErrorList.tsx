/** Errors listed one a line and announced as they appear; a list inside the alert, so each line stays a list item. */
export function ErrorList({ id, messages }: { id: string; messages: string[] }) {
  return (
    <div role="alert">
      <ul class="file-errors" id={id}>
        {messages.map((message, i) => (
          <li key={`${i}:${message}`}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
