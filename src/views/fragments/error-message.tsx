// What htmx swaps in when a fragment request fails: a short, announced message.
export function ErrorMessage({ title, message }: { title: string; message: string }) {
  return (
    <div class="error-message" role="alert">
      <strong>{title}</strong> {message}
    </div>
  )
}
