"""The text of the exported folder's ``train.py``: go on training with PyTorch, on one process or many.

The defaults (η, batch size, epochs, momentum) are the model's recipe's;
the cost is the recipe's too, written the way nndesk computes it.  The same
script runs alone (``python train.py``) or under ``torchrun`` with
DistributedDataParallel, so a student sees the one change parallel training
needs.  The generated code imports nothing of nndesk.
"""

TRAIN_PY = '''"""Go on training the network from nndesk with PyTorch: on one process, or on many with torchrun.

    python train.py --data data.npz --epochs 5
    torchrun --standalone --nproc_per_node=2 train.py --data data.npz --epochs 5

--data is an .npz with x: one sample a row, (n, n_inputs) or images (n, 28, 28), uint8 pixels
0…255 or floats; and y: (n,) class labels, or t: (n, n_outputs) targets.

The cost is the one nndesk trained with ({cost}), averaged over the samples, and each step is
the lecture's w ← w − η·∂C/∂w (plus momentum μ·v when --momentum is above 0).  What nndesk's
recipe adds on top (L2 weight decay, distorted digits, a learning-rate schedule) is left out here.

Under torchrun every process holds a copy of the network (DistributedDataParallel).  Each epoch
a DistributedSampler deals every process its own share of the samples; after each backward pass
the processes average their gradients, so every copy takes the same step.  Processes talk over
gloo on CPUs, or NCCL when there are GPUs (one GPU a process).  Process 0 ("rank 0") prints the
cost after each epoch and writes the weights back to weights.npz, which nndesk opens again.
"""

import argparse
import os

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

from model import load_model, save_weights

COST = "{cost}"  # the cost of the nndesk recipe: "quadratic" or "cross-entropy"


def arguments():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description="Go on training the network from nndesk.")
    p.add_argument("--data", required=True, help=".npz with x and y (or t)")
    p.add_argument("--epochs", type=int, default={epochs})
    p.add_argument("--lr", type=float, default={learning_rate}, help="the learning rate η")
    p.add_argument("--momentum", type=float, default={momentum}, help="momentum μ (0: plain gradient descent)")
    p.add_argument("--batch-size", type=int, default={batch_size}, help="samples per step, per process")
    p.add_argument("--weights", default=os.path.join(here, "weights.npz"), help="read, and written back")
    p.add_argument("--seed", type=int, default=0)
    return p.parse_args()


def start():
    """(rank, number of processes, device): torchrun sets WORLD_SIZE and RANK; plain python sets neither."""
    if "WORLD_SIZE" not in os.environ:
        return 0, 1, torch.device("cuda" if torch.cuda.is_available() else "cpu")
    dist.init_process_group("nccl" if torch.cuda.is_available() else "gloo")
    if torch.cuda.is_available():
        device = torch.device("cuda", int(os.environ["LOCAL_RANK"]))
        torch.cuda.set_device(device)
    else:
        device = torch.device("cpu")
    return dist.get_rank(), dist.get_world_size(), device


def read_data(path, n_outputs, dtype):
    """Inputs x (pixels scaled to 0…1) and targets t (one-hot rows of the labels y, or t itself)."""
    with np.load(path, allow_pickle=False) as data:
        x, t = data["x"], data["t"] if "t" in data.files else None
        y = data["y"] if "y" in data.files else None
    x = x.reshape(len(x), -1)
    x = x / 255 if x.dtype == np.uint8 else x  # pixels 0…255 become 0…1, as nndesk feeds them
    if t is None:
        y = y.astype(np.int64)
        t = np.eye(n_outputs)[y] if n_outputs > 1 else y.reshape(-1, 1)  # one output: the label is the target
    return torch.tensor(x, dtype=dtype), torch.tensor(t, dtype=dtype)


def cost(net, x, t):
    """The recipe's cost C, averaged over the batch (cross-entropy from the output's z: stabler than from a)."""
    if COST == "quadratic":
        a = net(x)
        return 0.5 * ((t - a) ** 2).sum(dim=1).mean()  # C = ½ Σ_k (t_k − a_k)²
    z = net(x, last_z=True)
    if z.shape[1] > 1:  # softmax output: C = −Σ_k t_k ln a_k
        return F.cross_entropy(z, t)
    return F.binary_cross_entropy_with_logits(z, t, reduction="sum") / len(t)  # sigmoid output


def measure(net, x, t, rank, world):
    """The cost over all the data: each process sums its share (every world-th sample), then they add up."""
    with torch.no_grad():
        mine_x, mine_t = x[rank::world], t[rank::world]
        n = torch.tensor(len(mine_t), dtype=x.dtype, device=x.device)
        total = torch.stack([cost(net, mine_x, mine_t) * n, n])
        if world > 1:
            dist.all_reduce(total)  # the sums of every process, added together
    return (total[0] / total[1]).item()


def main():
    args = arguments()
    rank, world, device = start()
    torch.manual_seed(args.seed)
    model = load_model(args.weights).to(device)
    dtype = next(model.parameters()).dtype
    x, t = read_data(args.data, model.layers[-1].out_features, dtype)
    data = TensorDataset(x, t)
    sampler = DistributedSampler(data, world, rank, shuffle=True, seed=args.seed) if world > 1 else None
    batches = DataLoader(data, args.batch_size, shuffle=sampler is None, sampler=sampler)
    net = DistributedDataParallel(model) if world > 1 else model  # averages the gradients of every process
    step = torch.optim.SGD(net.parameters(), lr=args.lr, momentum=args.momentum)
    x_all, t_all = x.to(device), t.to(device)
    c = measure(net, x_all, t_all, rank, world)  # every process takes part in adding up the cost
    if rank == 0:
        print(f"{{world}} process(es) on {{device.type}}, {{len(data)}} samples", flush=True)
        print(f"epoch 0 cost {{c:.6f}}", flush=True)
    for epoch in range(1, args.epochs + 1):
        if sampler is not None:
            sampler.set_epoch(epoch)  # a new shuffle each epoch, the same on every process
        for xb, tb in batches:
            step.zero_grad()
            cost(net, xb.to(device), tb.to(device)).backward()  # ∂C/∂w, averaged over the processes
            step.step()  # w ← w − η·∂C/∂w
        c = measure(net, x_all, t_all, rank, world)
        if rank == 0:
            print(f"epoch {{epoch}} cost {{c:.6f}}", flush=True)
    if rank == 0:
        save_weights(model, args.weights, note=f"{{args.epochs}} more epoch(s) in PyTorch, cost {{c:.6f}}")
        print(f"saved {{args.weights}}", flush=True)
    if world > 1:
        dist.barrier()  # every process waits until rank 0 has saved, then they all stop together
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
'''
