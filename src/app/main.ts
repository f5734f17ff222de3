import { mount } from 'svelte';
import { connectPolicy } from '../core/connect_policy';
import App from './App.svelte';
import './app.css';

// Narrow where the page and its workers may connect to the site and the hosts this address
// names, before any worker starts (workers inherit the policy they are started under). A policy
// added later only tightens: index.html's own stays in force too.
const policy = document.createElement('meta');
policy.httpEquiv = 'Content-Security-Policy';
policy.content = connectPolicy(location.href);
document.head.append(policy);

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target });
