export * from './rnn-layout';
export * from './rnn-math';
export * from './lstm-recurrence-reference';
export * from './gru-recurrence-reference';
export * from './rnn-sequence-reference';
export * from './lstm-recurrence-wgsl';
export * from './gru-recurrence-wgsl';
export * from './recurrence-workgroup';
