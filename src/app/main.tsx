/** Entry point of the browser app. */
import { render } from 'preact';
import { App } from './App.tsx';
import { init } from './actions.ts';
import './styles.css';

render(<App />, document.getElementById('app')!);
void init();
