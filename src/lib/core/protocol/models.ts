/** Model specs of the model zoo: blocks, shapes, training options (issue #4). */
export {};
