"""Bench child: the book's MNIST training iteration in NumPy (run by scripts/bench.mjs).

The code follows the book's common/layers.py, common/functions.py,
common/multi_layer_net.py and common/optimizer.py (SGD) line by line, so this row
is "the book's own code": 784-100-100-100-100-10, ReLU, He init ('relu'),
weight_decay_lambda = 0 (the book still computes the decay terms), batch 128 drawn
with np.random.choice, SGD lr = 0.01. The dtype is float64 or float32 throughout.

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy_iter.py '{"dtype": "float64", "mnist": "<dir>"}'

Timing as in bench/engine.ts: warm up for warmupMs (>= 30 iterations), then `repeats`
runs of as many iterations as fill repeatMs.

Prints one JSON object on the last line of stdout.
"""
import json
import os
import sys
import time
from collections import OrderedDict

import numpy as np

cfg = {"dtype": "float64", "warmupMs": 1500, "repeatMs": 300, "repeats": 5, "seed": 1}
cfg.update(json.loads(sys.argv[1]) if len(sys.argv) > 1 else {})
DT = np.dtype(cfg["dtype"])


def load_mnist(directory):
    """x_train normalised to [0, 1] in DT (the book: astype(float32) / 255), labels as indices."""
    with open(os.path.join(directory, "train-images-idx3-ubyte"), "rb") as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)
    with open(os.path.join(directory, "train-labels-idx1-ubyte"), "rb") as f:
        t = np.frombuffer(f.read(), np.uint8, offset=8).astype(np.int64)
    return x.astype(DT) / DT.type(255.0), t


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        dx = dout
        return dx


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.original_x_shape = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        self.x = x
        out = np.dot(self.x, self.W) + self.b
        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        dx = dx.reshape(*self.original_x_shape)
        return dx


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:
            dx = (self.y - self.t) / batch_size
        else:
            dx = self.y.copy()
            dx[np.arange(batch_size), self.t] -= 1
            dx = dx / batch_size
        return dx


class MultiLayerNet:
    def __init__(self, input_size, hidden_size_list, output_size,
                 activation='relu', weight_init_std='relu', weight_decay_lambda=0):
        self.input_size = input_size
        self.output_size = output_size
        self.hidden_size_list = hidden_size_list
        self.hidden_layer_num = len(hidden_size_list)
        self.weight_decay_lambda = weight_decay_lambda
        self.params = {}
        self.__init_weight(weight_init_std)
        self.layers = OrderedDict()
        for idx in range(1, self.hidden_layer_num + 1):
            self.layers['Affine' + str(idx)] = Affine(self.params['W' + str(idx)], self.params['b' + str(idx)])
            self.layers['Activation_function' + str(idx)] = Relu()
        idx = self.hidden_layer_num + 1
        self.layers['Affine' + str(idx)] = Affine(self.params['W' + str(idx)], self.params['b' + str(idx)])
        self.last_layer = SoftmaxWithLoss()

    def __init_weight(self, weight_init_std):
        all_size_list = [self.input_size] + self.hidden_size_list + [self.output_size]
        for idx in range(1, len(all_size_list)):
            scale = np.sqrt(2.0 / all_size_list[idx - 1])  # 'relu' / 'he'
            self.params['W' + str(idx)] = (scale * np.random.randn(all_size_list[idx - 1], all_size_list[idx])).astype(DT)
            self.params['b' + str(idx)] = np.zeros(all_size_list[idx], dtype=DT)

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        y = self.predict(x)
        weight_decay = 0
        for idx in range(1, self.hidden_layer_num + 2):
            W = self.params['W' + str(idx)]
            weight_decay += 0.5 * self.weight_decay_lambda * np.sum(W ** 2)
        return self.last_layer.forward(y, t) + weight_decay

    def gradient(self, x, t):
        self.loss(x, t)
        dout = 1
        dout = self.last_layer.backward(dout)
        layers = list(self.layers.values())
        layers.reverse()
        for layer in layers:
            dout = layer.backward(dout)
        grads = {}
        for idx in range(1, self.hidden_layer_num + 2):
            grads['W' + str(idx)] = self.layers['Affine' + str(idx)].dW + self.weight_decay_lambda * self.layers['Affine' + str(idx)].W
            grads['b' + str(idx)] = self.layers['Affine' + str(idx)].db
        return grads


class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]


def main():
    np.random.seed(cfg["seed"])
    x_train, t_train = load_mnist(cfg["mnist"])
    train_size = x_train.shape[0]
    batch_size = 128
    network = MultiLayerNet(input_size=784, hidden_size_list=[100, 100, 100, 100], output_size=10)
    optimizer = SGD(lr=0.01)

    def step():
        batch_mask = np.random.choice(train_size, batch_size)
        x_batch = x_train[batch_mask]
        t_batch = t_train[batch_mask]
        grads = network.gradient(x_batch, t_batch)
        optimizer.update(network.params, grads)

    warmup_iters = 0
    t0 = time.perf_counter()
    while warmup_iters < 30 or (time.perf_counter() - t0) * 1000 < cfg["warmupMs"]:
        step()
        warmup_iters += 1
    per = (time.perf_counter() - t0) * 1000 / warmup_iters
    iters = max(3, round(cfg["repeatMs"] / per))
    ms, cpu_ms = [], []
    for _ in range(cfg["repeats"]):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(iters):
            step()
        ms.append((time.perf_counter() - t0) * 1000 / iters)
        cpu_ms.append((time.process_time() - c0) * 1000 / iters)  # CPU time: robust on a shared machine
    batch_mask = np.random.choice(train_size, batch_size)
    loss = float(network.loss(x_train[batch_mask], t_train[batch_mask]))
    assert network.params['W1'].dtype == DT
    print(json.dumps({"backend": "numpy-" + cfg["dtype"], "msPerIter": ms, "cpuMsPerIter": cpu_ms, "iters": iters,
                      "warmupIters": warmup_iters, "loss": loss,
                      "report": "NumPy %s, %s" % (np.__version__, cfg["dtype"])}))


main()
