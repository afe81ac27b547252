export function App() {
  return <main className="shell"><h1>Phones console</h1></main>;
}
