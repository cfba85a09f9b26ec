import { render } from 'preact';

render(<main>Docent</main>, document.getElementById('app')!);
