import { mountCalculator } from './ui/calculatorView';

const root = document.querySelector<HTMLElement>('#app');
if (root) mountCalculator(root, window.localStorage);
